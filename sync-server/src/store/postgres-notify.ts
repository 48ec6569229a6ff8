/**
 * Cross-instance change feed over PostgreSQL LISTEN/NOTIFY (docs/architecture.md §6.3). A push or a deletion
 * calls `pg_notify` inside its own transaction, so the notification is sent only if, and when, the
 * write commits. The payload is tiny (`{a: accountId, t: type, s: seq}`): listeners read the
 * documents from the store themselves, as a pull would.
 *
 * One dedicated connection per instance listens. If it drops, it reconnects with backoff and then
 * wakes every local subscriber, since notifications sent meanwhile are lost; a stream that wakes
 * with nothing new to read sends nothing.
 */
import pg from 'pg';
import type { ChangeFanout } from './change-fanout.ts';
import type { AccountEvent } from './store.ts';

export const NOTIFY_CHANNEL = 'carnet_account_events';

export function notifyPayload(accountId: string, event: AccountEvent): string {
  if (event.type === 'message')
    return JSON.stringify({ a: accountId, t: event.type, s: event.seq, h: event.threadId });
  return JSON.stringify({ a: accountId, t: event.type, s: event.type === 'change' ? event.seq : 0 });
}

function parsePayload(payload: string | undefined): { accountId: string; event: AccountEvent } | null {
  try {
    const { a, t, s, h } = JSON.parse(payload ?? '') as { a: unknown; t: unknown; s: unknown; h: unknown };
    if (typeof a !== 'string') return null;
    if (t === 'deleted') return { accountId: a, event: { type: 'deleted' } };
    if (t === 'change' && typeof s === 'number') return { accountId: a, event: { type: 'change', seq: s } };
    if (t === 'message' && typeof s === 'number' && typeof h === 'string') {
      return { accountId: a, event: { type: 'message', threadId: h, seq: s } };
    }
    return null;
  } catch {
    return null;
  }
}

export interface NotifyListener {
  close(): Promise<void>;
}

export async function listenForChanges(
  connectionString: string,
  fanout: ChangeFanout,
  onWakeAll: () => void,
): Promise<NotifyListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 100;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      const parsed = parsePayload(message.payload);
      if (parsed) fanout.publish(parsed.accountId, parsed.event);
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    client = next;
    retryMs = 100;
  }

  function reconnect(broken: pg.Client): void {
    if (closed || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    const attempt = (): void => {
      if (closed) return;
      connect().then(onWakeAll, () => {
        retryMs = Math.min(retryMs * 2, 5_000);
        setTimeout(attempt, retryMs).unref();
      });
    };
    setTimeout(attempt, retryMs).unref();
  }

  await connect();
  return {
    async close() {
      closed = true;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
