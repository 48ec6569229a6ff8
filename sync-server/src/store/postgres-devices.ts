/** PostgreSQL implementation of the device and access-event methods of the Store (device-store.ts). */
import type pg from 'pg';
import {
  DEVICE_SQL,
  type DeviceStore,
  type EventRow,
  eventParams,
  type SessionRow,
  toAccessEvent,
  toDeviceSession,
} from './device-store.ts';
import { dialect } from './message-store.ts';
import { inTransaction } from './postgres.ts';

const SQL = Object.fromEntries(
  Object.entries(DEVICE_SQL).map(([name, sql]) => [name, dialect(sql, 'postgres')]),
) as Record<keyof typeof DEVICE_SQL, string>;

export function postgresDeviceStore(pool: pg.Pool): DeviceStore {
  return {
    async listSessions(accountId, now) {
      return (await pool.query<SessionRow>(SQL.listSessions, [accountId, now])).rows.map(toDeviceSession);
    },
    async touchSession(tokenHash, now, minIntervalMs) {
      await pool.query(SQL.touchSession, [now, tokenHash, now - minIntervalMs]);
    },
    async renameSession(tokenHash, name) {
      await pool.query(SQL.renameSession, [name, tokenHash]);
    },
    async endSession(accountId, sessionId, reason, now) {
      const { rows } = await pool.query<{ token_hash: string }>(SQL.endSession, [
        reason,
        accountId,
        sessionId,
        now,
      ]);
      return rows[0]?.token_hash ?? null;
    },
    async addAccessEvent(accountId, event, keep) {
      await inTransaction(pool, async (client) => {
        await client.query(SQL.insertEvent, eventParams(accountId, event));
        await client.query(SQL.pruneEvents, [accountId, accountId, keep]);
      });
    },
    async listAccessEvents(accountId, limit) {
      return (await pool.query<EventRow>(SQL.listEvents, [accountId, limit])).rows.map(toAccessEvent);
    },
  };
}
