/** PostgreSQL implementation of the push subscription methods of the Store (push-subscription-store.ts). */
import type pg from 'pg';
import { dialect } from './message-store.ts';
import {
  PUSH_SUBSCRIPTION_SQL,
  type PushSubscriptionRow,
  type PushSubscriptionStore,
  putParams,
  toPushSubscription,
} from './push-subscription-store.ts';

const SQL = Object.fromEntries(
  Object.entries(PUSH_SUBSCRIPTION_SQL).map(([name, sql]) => [name, dialect(sql, 'postgres')]),
) as Record<keyof typeof PUSH_SUBSCRIPTION_SQL, string>;

export function postgresPushSubscriptionStore(pool: pg.Pool): PushSubscriptionStore {
  return {
    async putPushSubscription(accountId, record, now) {
      await pool.query(SQL.put, putParams(accountId, record, now));
    },
    async deletePushSubscription(accountId, sessionId) {
      await pool.query(SQL.delete, [accountId, sessionId]);
    },
    async deletePushEndpoint(accountId, endpoint) {
      await pool.query(SQL.deleteEndpoint, [accountId, endpoint]);
    },
    async listPushSubscriptions(accountId, now) {
      const { rows } = await pool.query<PushSubscriptionRow>(SQL.list, [accountId, now]);
      return rows.map(toPushSubscription);
    },
  };
}
