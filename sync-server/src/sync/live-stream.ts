/**
 * One client's live stream (docs/architecture.md §6.3): `resync` first, then a `change` event with the new
 * documents after every committed write to the account, from this or any other instance, and a
 * `message` event `{threadId, seq}` when a message is stored in one of its threads (§8.5).
 *
 * Invariants:
 * - The store subscription is taken before the starting sequence is read, so a write that commits
 *   in between is not missed; events are then handled one at a time, in order.
 * - A change event carries what the store holds after the last sequence sent (read like a pull,
 *   in pages), never the pushed rows themselves, so a stream cannot send something that did not
 *   commit, and a missed or coalesced notification only delays documents, never drops them.
 * - The session is re-checked on every event and every heartbeat: a stream outlives neither a
 *   logout, nor a deleted account, nor its token's expiry.
 */
import type { SSEStreamingApi } from 'hono/streaming';
import { MAX_BATCH_SIZE, type StreamMessage } from '../../../shared/protocol/replication.ts';
import type { Session } from '../http/session-auth.ts';
import type { AccountEvent, Store } from '../store/store.ts';
import type { LiveStreams } from './live-streams.ts';

export interface LiveStreamOptions {
  readonly store: Store;
  readonly session: Session;
  readonly streams: LiveStreams;
  readonly now: () => number;
  /** SSE comment every so often, so proxies and the client see a live connection (default 25 s). */
  readonly heartbeatMs: number;
}

export async function runLiveStream(stream: SSEStreamingApi, options: LiveStreamOptions): Promise<void> {
  const { store, session, streams, now } = options;
  let lastSeq = 0;
  let closed = false;
  let finish = (): void => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const send = (message: StreamMessage) => stream.writeSSE({ data: JSON.stringify(message) });

  async function sessionIsLive(): Promise<boolean> {
    return (await store.findSession(session.tokenHash, now())) !== null;
  }

  async function catchUp(event: AccountEvent): Promise<void> {
    if (event.type === 'deleted' || !(await sessionIsLive())) return close();
    // A thread message: only its address travels, the client fetches it after the thread's cursor.
    if (event.type === 'message') return send({ type: 'message', threadId: event.threadId, seq: event.seq });
    if (event.seq <= lastSeq) return;
    for (;;) {
      const page = await store.pull(session.accountId, lastSeq, MAX_BATCH_SIZE);
      if (closed || page.documents.length === 0) return;
      await send({ type: 'change', documents: page.documents, checkpoint: { seq: page.checkpoint } });
      lastSeq = page.checkpoint;
      if (page.documents.length < MAX_BATCH_SIZE) return;
    }
  }

  async function heartbeat(): Promise<void> {
    if (!(await sessionIsLive())) return close();
    await stream.write(': heartbeat\n\n');
  }

  // Work runs one step at a time; a failing step (database gone, broken socket) ends the stream.
  let queue = Promise.resolve();
  const enqueue = (step: () => Promise<void>): void => {
    queue = queue.then(() => (closed ? undefined : step())).catch(close);
  };

  // First in the queue, so `resync` precedes any change; it runs a microtask later, once the
  // subscription below exists, so a write committing meanwhile is caught up afterwards.
  enqueue(async () => {
    const account = await store.getAccount(session.accountId);
    if (!account) return close();
    lastSeq = account.seq;
    await send({ type: 'resync' });
  });
  const unsubscribe = store.subscribe(session.accountId, (event) => enqueue(() => catchUp(event)));
  const timer = setInterval(() => enqueue(heartbeat), options.heartbeatMs);
  const unregister = streams.add({ accountId: session.accountId, tokenHash: session.tokenHash, close });

  function close(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(timer);
    unregister();
    finish();
  }

  stream.onAbort(close);
  if (stream.aborted) close();
  await finished;
}
