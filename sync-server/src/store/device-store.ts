/**
 * Devices and access events, the part of the Store behind the account's device list and access
 * history (docs/architecture.md §7.5). One SQL text per query, written with `?` and turned into
 * each dialect by `dialect` (message-store.ts).
 *
 * Invariants:
 * - A session's public id is random and unrelated to its token; it names the session to the
 *   account's own devices only, and every query that takes it also takes the account id, so one
 *   account can never reach another's session by id.
 * - `last_seen_at` is written only when it is at least `minIntervalMs` old (one write a minute per
 *   session at most, whatever the request rate).
 * - An account keeps only its newest `keep` access events; older ones go in the same step.
 */
import { randomBytes } from 'node:crypto';
import { SESSION_TTL_MS } from '../../../shared/protocol/account.ts';
import type { AccessEventKind } from '../../../shared/protocol/devices.ts';
import type { NewSessionDevice, SessionEndReason, SessionRecord } from './store.ts';

export interface DeviceSession {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly tokenHash: string;
}

export interface AccessEventRecord {
  readonly at: number;
  readonly kind: AccessEventKind;
  readonly sessionId: string;
  readonly deviceName: string;
  readonly targetSessionId?: string;
  readonly targetDeviceName?: string;
}

export interface DeviceStore {
  /** The account's live sessions (not ended, not expired), most recently seen first. */
  listSessions(accountId: string, now: number): Promise<DeviceSession[]>;
  /** Sets the session's last-seen time to `now` unless it was set less than `minIntervalMs` ago. */
  touchSession(tokenHash: string, now: number, minIntervalMs: number): Promise<void>;
  renameSession(tokenHash: string, name: string): Promise<void>;
  /**
   * Ends one live session of this account, remembering `reason` like `endOtherSessions`; returns
   * its token hash (to close its streams), or null when the account has no such live session.
   */
  endSession(
    accountId: string,
    sessionId: string,
    reason: SessionEndReason,
    now: number,
  ): Promise<string | null>;
  /** Appends an event and keeps only the account's newest `keep`. */
  addAccessEvent(accountId: string, event: AccessEventRecord, keep: number): Promise<void>;
  /** Newest first, at most `limit`. */
  listAccessEvents(accountId: string, limit: number): Promise<AccessEventRecord[]>;
}

export const DEVICE_SQL = {
  listSessions: `SELECT id, device_name, created_at, last_seen_at, token_hash FROM sessions
    WHERE account_id = ? AND expires_at > ? AND ended_reason IS NULL
    ORDER BY last_seen_at DESC, created_at DESC`,
  touchSession: 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at <= ?',
  renameSession: 'UPDATE sessions SET device_name = ? WHERE token_hash = ?',
  endSession: `UPDATE sessions SET ended_reason = ?
    WHERE account_id = ? AND id = ? AND expires_at > ? AND ended_reason IS NULL RETURNING token_hash`,
  insertEvent: `INSERT INTO access_events
    (account_id, at, kind, session_id, device_name, target_session_id, target_device_name)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  pruneEvents: `DELETE FROM access_events WHERE account_id = ? AND id NOT IN
    (SELECT id FROM access_events WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT ?)`,
  listEvents: `SELECT at, kind, session_id, device_name, target_session_id, target_device_name
    FROM access_events WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
  deleteEvents: 'DELETE FROM access_events WHERE account_id = ?',
} as const;

export interface SessionRow {
  id: string;
  device_name: string;
  created_at: number | string;
  last_seen_at: number | string;
  token_hash: string;
}

export interface EventRow {
  at: number | string;
  kind: AccessEventKind;
  session_id: string;
  device_name: string;
  target_session_id: string | null;
  target_device_name: string | null;
}

export function toDeviceSession(row: SessionRow): DeviceSession {
  return {
    id: row.id,
    name: row.device_name,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    tokenHash: row.token_hash,
  };
}

export function toAccessEvent(row: EventRow): AccessEventRecord {
  return {
    at: Number(row.at),
    kind: row.kind,
    sessionId: row.session_id,
    deviceName: row.device_name,
    ...(row.target_session_id === null ? {} : { targetSessionId: row.target_session_id }),
    ...(row.target_device_name === null ? {} : { targetDeviceName: row.target_device_name }),
  };
}

export function eventParams(accountId: string, event: AccessEventRecord): unknown[] {
  return [
    accountId,
    event.at,
    event.kind,
    event.sessionId,
    event.deviceName,
    event.targetSessionId ?? null,
    event.targetDeviceName ?? null,
  ];
}

/** A random public session id: 16 bytes, base64url. */
export function randomSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** For a session created without device details (older callers, tests). */
export function sessionDevice(expiresAt: number, device: NewSessionDevice | undefined): NewSessionDevice {
  return device ?? { id: randomSessionId(), name: '', createdAt: Math.max(0, expiresAt - SESSION_TTL_MS) };
}

export interface FoundSessionRow {
  account_id: string;
  expires_at: number | string;
  id: string;
  device_name: string;
  last_seen_at: number | string;
}

export function foundSession(row: FoundSessionRow): SessionRecord {
  return {
    accountId: row.account_id,
    expiresAt: Number(row.expires_at),
    id: row.id,
    deviceName: row.device_name,
    lastSeenAt: Number(row.last_seen_at),
  };
}
