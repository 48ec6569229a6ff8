/** SQLite implementation of the device and access-event methods of the Store (device-store.ts). */
import type Database from 'better-sqlite3';
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

export function sqliteDeviceStore(db: Database.Database): DeviceStore {
  const q = Object.fromEntries(
    Object.entries(DEVICE_SQL).map(([name, sql]) => [name, db.prepare(dialect(sql, 'sqlite'))]),
  ) as Record<keyof typeof DEVICE_SQL, Database.Statement>;

  const addEventTx = db.transaction((accountId: string, params: unknown[], keep: number) => {
    q.insertEvent.run(...params);
    q.pruneEvents.run(accountId, accountId, keep);
  });

  return {
    async listSessions(accountId, now) {
      return (q.listSessions.all(accountId, now) as SessionRow[]).map(toDeviceSession);
    },
    async touchSession(tokenHash, now, minIntervalMs) {
      q.touchSession.run(now, tokenHash, now - minIntervalMs);
    },
    async renameSession(tokenHash, name) {
      q.renameSession.run(name, tokenHash);
    },
    async endSession(accountId, sessionId, reason, now) {
      const row = q.endSession.get(reason, accountId, sessionId, now) as { token_hash: string } | undefined;
      return row?.token_hash ?? null;
    },
    async addAccessEvent(accountId, event, keep) {
      addEventTx(accountId, eventParams(accountId, event), keep);
    },
    async listAccessEvents(accountId, limit) {
      return (q.listEvents.all(accountId, limit) as EventRow[]).map(toAccessEvent);
    },
  };
}
