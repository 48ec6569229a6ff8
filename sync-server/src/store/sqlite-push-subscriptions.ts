/** SQLite implementation of the push subscription methods of the Store (push-subscription-store.ts). */
import type Database from 'better-sqlite3';
import { dialect } from './message-store.ts';
import {
  PUSH_SUBSCRIPTION_SQL,
  type PushSubscriptionRow,
  type PushSubscriptionStore,
  putParams,
  toPushSubscription,
} from './push-subscription-store.ts';

export function sqlitePushSubscriptionStore(db: Database.Database): PushSubscriptionStore {
  const q = Object.fromEntries(
    Object.entries(PUSH_SUBSCRIPTION_SQL).map(([name, sql]) => [name, db.prepare(dialect(sql, 'sqlite'))]),
  ) as Record<keyof typeof PUSH_SUBSCRIPTION_SQL, Database.Statement>;

  return {
    async putPushSubscription(accountId, record, now) {
      q.put.run(...putParams(accountId, record, now));
    },
    async deletePushSubscription(accountId, sessionId) {
      q.delete.run(accountId, sessionId);
    },
    async deletePushEndpoint(accountId, endpoint) {
      q.deleteEndpoint.run(accountId, endpoint);
    },
    async listPushSubscriptions(accountId, now) {
      return (q.list.all(accountId, now) as PushSubscriptionRow[]).map(toPushSubscription);
    },
  };
}
