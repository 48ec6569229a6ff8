/**
 * The live replication stream (docs/architecture.md §6.3) as an RxDB `pull.stream$`: `GET /api/sync/stream` read
 * with fetch streaming, because the bearer token goes in the Authorization header.
 *
 * Invariants:
 * - `'RESYNC'` is emitted on every (re)connect (the server's `resync` message comes first on each
 *   connection): events may have been missed while disconnected, so RxDB pulls from its checkpoint.
 * - A change is emitted as `{documents, checkpoint}` with the documents still unvalidated; the
 *   replication checks each envelope. A message that does not parse becomes `'RESYNC'`: the pull
 *   path then handles whatever it carried, with the same rules.
 * - Reconnects back off (1 s doubling to 30 s, reset once connected), except that a stream the
 *   server ends after it was up for the first backoff step reconnects at once (a signed-out device
 *   hears why within a second); silence longer than
 *   `idleTimeoutMs` (the server sends a heartbeat every 25 s) counts as a dead connection.
 * - A `message` event (a message stored in one of the account's threads) goes to `onMessage`, not
 *   to replication: it names a thread, never a document.
 * - A refused session (`unauthorized`, `signed-out-*`) stops reconnecting: only a new sign-in helps. Unsubscribing aborts the request.
 */
import { Observable } from 'rxjs';
import { type MessageEvent, messageEventSchema } from '../../../shared/protocol/messages.ts';
import { type Checkpoint, checkpointSchema } from '../../../shared/protocol/replication.ts';
import { z } from '../../../shared/schema/zod.ts';
import { realTimer, type SetTimer } from '../core/clock.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { isSignedOut, ServerError, toServerError } from '../server/server-error.ts';
import { SseParser } from './sse-parser.ts';

export type StreamItem =
  | 'RESYNC'
  | { readonly documents: readonly unknown[]; readonly checkpoint: Checkpoint };

export interface LiveStreamOptions {
  /** The live stream's connection comes from the server transport (URL, token, fetch). */
  readonly api: Pick<ReplicationApi, 'openStream'>;
  readonly setTimer?: SetTimer;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly idleTimeoutMs?: number;
  /** Each failed connection attempt, for the sync status. */
  readonly onError?: (error: ServerError) => void;
  /** Each successful (re)connection. */
  readonly onConnected?: () => void;
  /** A message was stored in one of the account's threads (not emitted: replication ignores it). */
  readonly onMessage?: (event: MessageEvent) => void;
}

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change'), documents: z.array(z.unknown()), checkpoint: checkpointSchema }),
  z.object({ type: z.literal('resync') }),
]);

export function liveStream(options: LiveStreamOptions): Observable<StreamItem> {
  const setTimer = options.setTimer ?? realTimer;
  const initial = options.initialBackoffMs ?? 1_000;
  const max = options.maxBackoffMs ?? 30_000;
  const idleTimeout = options.idleTimeoutMs ?? 70_000;

  return new Observable<StreamItem>((subscriber) => {
    let stopped = false;
    let attempt = 0;
    let controller: AbortController | null = null;
    let cancelRetry: (() => void) | null = null;
    const livedTimer = { cancel: (): void => {} };

    async function connect(): Promise<void> {
      controller = new AbortController();
      const current = controller;
      const idle = { cancel: (): void => {} };
      // A connection that stayed up for `initial` ms and is then ended by the server reconnects at
      // once: that is how a device signed out elsewhere learns it within a second. One that ends
      // sooner backs off as usual, so a server that keeps ending streams is not hammered.
      let lived = false;
      const armIdle = (): void => {
        idle.cancel();
        idle.cancel = setTimer(() => current.abort(), idleTimeout);
      };
      try {
        armIdle();
        const response = await options.api.openStream(current.signal);
        const reader = response.body?.getReader();
        if (!reader) throw new TypeError('no stream body');
        // Not every fetch ends the body when its signal aborts (an in-process app does not).
        current.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done || stopped) break;
          armIdle();
          for (const item of parser.push(decoder.decode(value, { stream: true }))) {
            if (item.type !== 'event') continue;
            const message = messageEvent(item.data);
            if (message) {
              options.onMessage?.(message);
              continue;
            }
            const emitted = handle(item.data);
            if (emitted === 'RESYNC') {
              attempt = 0;
              options.onConnected?.();
              livedTimer.cancel();
              lived = false;
              livedTimer.cancel = setTimer(() => {
                lived = true;
              }, initial);
            }
            subscriber.next(emitted);
          }
        }
        if (stopped) return;
        // Silence (the idle timer cancelled the body), or the server ended the stream: reconnect.
        livedTimer.cancel();
        if (current.signal.aborted)
          options.onError?.(new ServerError('offline', 'the live stream went silent'));
        scheduleReconnect(lived && !current.signal.aborted);
      } catch (error) {
        if (stopped) return;
        const failure = current.signal.aborted ? toServerError(new TypeError('idle')) : toServerError(error);
        options.onError?.(failure);
        if (!isSignedOut(failure)) scheduleReconnect();
      } finally {
        idle.cancel();
        livedTimer.cancel();
      }
    }

    function scheduleReconnect(atOnce = false): void {
      const delay = atOnce ? 0 : Math.min(max, initial * 2 ** attempt);
      if (!atOnce) attempt += 1;
      cancelRetry = setTimer(() => {
        cancelRetry = null;
        if (!stopped) void connect();
      }, delay);
    }

    void connect();
    return () => {
      stopped = true;
      cancelRetry?.();
      livedTimer.cancel();
      controller?.abort();
    };
  });
}

function messageEvent(data: string): MessageEvent | null {
  try {
    const parsed = messageEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function handle(data: string): StreamItem {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(data));
    if (parsed.success && parsed.data.type === 'change') {
      return { documents: parsed.data.documents, checkpoint: parsed.data.checkpoint };
    }
  } catch {
    // Not JSON: fall through to a resync, which the pull path validates.
  }
  return 'RESYNC';
}
