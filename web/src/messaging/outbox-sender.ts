/**
 * Sending through the outbox (messaging.ts, outbox.ts): a message the server cannot take now
 * waits, sealed on this device, and goes in the order written at the next pass — on a reconnection
 * of the live stream, a listing that reaches the server, or every RETRY_MS while something waits.
 * A message the server refuses for another reason stays with that reason until the writer discards
 * it.
 */
import { type Accessor, createSignal } from 'solid-js';
import { randomId } from '../../../shared/crypto/random.ts';
import { isServerError } from '../server/server-error.ts';
import { MessagingProblem, type WaitingMessage } from './messaging-types.ts';
import type { Draft, Outbox } from './outbox.ts';

/** How often the outbox is tried again while messages wait. */
const RETRY_MS = 10_000;

/** No connection, or no answer in time: the server may take it later. */
export const unreachable = (error: unknown): boolean =>
  isServerError(error, 'offline') || isServerError(error, 'timeout');

export interface OutboxSenderDeps {
  readonly store: Outbox;
  /** Sends one draft now; throws what the server answered. */
  sendNow(threadId: string, draft: Draft): Promise<void>;
  /** Something the screens show changed. */
  changed(): void;
  now(): number;
}

export interface OutboxSender {
  readonly outbox: Accessor<readonly WaitingMessage[]>;
  /** Keeps a draft to send later; 'queued'. */
  queue(threadId: string, draft: Draft): Promise<'queued'>;
  /** Whether messages of this thread still wait (a new one must wait behind them). */
  waits(threadId: string): Promise<boolean>;
  flush(): Promise<void>;
  discard(id: string): Promise<void>;
  dispose(): void;
}

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const [outbox, setOutbox] = createSignal<readonly WaitingMessage[]>([]);
  const refusals = new Map<string, string>();
  async function showOutbox(): Promise<void> {
    const items = await deps.store.list();
    setOutbox(items.map((item) => ({ ...item, refused: refusals.get(item.id) ?? null })));
  }

  /** One pass over the outbox; false when the server could not be reached. */
  async function flushOnce(): Promise<boolean> {
    for (const item of await deps.store.list()) {
      try {
        await deps.sendNow(item.threadId, item.draft);
      } catch (error) {
        if (unreachable(error) || error instanceof MessagingProblem) return false;
        // Refused (blocked, limits): shown with its reason, tried again at the next pass.
        refusals.set(item.id, isServerError(error) ? error.reason : 'refused');
        await showOutbox();
        continue;
      }
      refusals.delete(item.id);
      await deps.store.remove(item.id);
      await showOutbox();
    }
    return true;
  }

  // While something waits, the outbox is tried again every RETRY_MS as well: a reconnection of
  // the stream is not always noticed (an emulated or flaky network keeps the old stream).
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  function scheduleRetry(): void {
    if (retry !== null || disposed) return;
    retry = setTimeout(() => {
      retry = null;
      void flush().catch(() => undefined);
    }, RETRY_MS);
  }

  let flushing: Promise<void> | null = null;
  let again = false;
  function flush(): Promise<void> {
    if (flushing) {
      // Something was added while a pass runs: one more pass after it.
      again = true;
      return flushing;
    }
    flushing = (async () => {
      try {
        // Bounded: a pass per addition during the previous one, at most 10.
        for (let pass = 0; pass < 10; pass++) {
          again = false;
          if (!(await flushOnce()) || !again) break;
        }
      } finally {
        flushing = null;
        if ((await deps.store.list()).length > 0) scheduleRetry();
      }
    })();
    return flushing;
  }

  // Messages left waiting by an earlier session go as soon as the server answers.
  void showOutbox()
    .then(() => (outbox().length > 0 ? flush() : undefined))
    .catch(() => undefined);

  return {
    outbox,
    async queue(threadId, draft) {
      await deps.store.add({ id: randomId(), threadId, writtenAt: deps.now(), draft });
      await showOutbox();
      scheduleRetry();
      deps.changed();
      return 'queued';
    },
    async waits(threadId) {
      return (await deps.store.list()).some((item) => item.threadId === threadId);
    },
    flush,
    async discard(id) {
      await deps.store.remove(id);
      refusals.delete(id);
      await showOutbox();
    },
    dispose() {
      disposed = true;
      if (retry !== null) clearTimeout(retry);
    },
  };
}
