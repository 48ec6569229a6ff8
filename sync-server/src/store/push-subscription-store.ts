/**
 * Web Push subscriptions (docs/architecture.md §8.7), the part of the Store behind `/api/push`.
 * One SQL text per query, written with `?` and turned into each dialect by `dialect`
 * (message-store.ts).
 *
 * Invariants:
 * - One subscription per session (its public id): a device that subscribes again replaces its own.
 * - Only live sessions' subscriptions are listed: a session ended or expired sends nothing, and its
 *   row goes with the session (ON DELETE CASCADE), as everything goes with the account.
 * - What is kept is what a push needs: the endpoint and the subscription's public keys.
 */
export interface PushSubscriptionRecord {
  readonly sessionId: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export interface PushSubscriptionStore {
  /** Stores (or replaces) the subscription of this session. */
  putPushSubscription(accountId: string, record: PushSubscriptionRecord, now: number): Promise<void>;
  deletePushSubscription(accountId: string, sessionId: string): Promise<void>;
  /** Forgets subscriptions with this endpoint (the push service said it is gone: 404 or 410). */
  deletePushEndpoint(accountId: string, endpoint: string): Promise<void>;
  /** The subscriptions of the account's live sessions (not ended, not expired). */
  listPushSubscriptions(accountId: string, now: number): Promise<PushSubscriptionRecord[]>;
}

export const PUSH_SUBSCRIPTION_SQL = {
  put: `INSERT INTO push_subscriptions (session_id, account_id, endpoint, p256dh, auth, created_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (session_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,
      auth = excluded.auth, created_at = excluded.created_at
    WHERE push_subscriptions.account_id = excluded.account_id`,
  delete: 'DELETE FROM push_subscriptions WHERE account_id = ? AND session_id = ?',
  deleteEndpoint: 'DELETE FROM push_subscriptions WHERE account_id = ? AND endpoint = ?',
  list: `SELECT p.session_id, p.endpoint, p.p256dh, p.auth FROM push_subscriptions p
    JOIN sessions s ON s.id = p.session_id
    WHERE p.account_id = ? AND s.account_id = p.account_id AND s.expires_at > ? AND s.ended_reason IS NULL
    ORDER BY p.created_at, p.session_id`,
};

export interface PushSubscriptionRow {
  readonly session_id: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export const toPushSubscription = (row: PushSubscriptionRow): PushSubscriptionRecord => ({
  sessionId: row.session_id,
  endpoint: row.endpoint,
  p256dh: row.p256dh,
  auth: row.auth,
});

export const putParams = (accountId: string, r: PushSubscriptionRecord, now: number) => [
  r.sessionId,
  accountId,
  r.endpoint,
  r.p256dh,
  r.auth,
  now,
];
