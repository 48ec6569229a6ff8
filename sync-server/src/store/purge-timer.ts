/**
 * The store's housekeeping on a timer (main.ts): expired sessions and challenges go, and revoked or
 * expired shares lose their ciphertext (snapshot, code-wrapped key) while their metadata and log
 * stay. Once at start, then every `everyMs`; a failed round is logged (without details: a driver
 * message may quote a connection string) and the next one tries again.
 */
import type { LogSink } from '../http/logger.ts';
import type { Store } from './store.ts';

export const PURGE_EVERY_MS = 10 * 60 * 1000;

export function startPurges(
  store: Store,
  log: LogSink,
  now: () => number = Date.now,
  everyMs: number = PURGE_EVERY_MS,
): () => void {
  const round = async (): Promise<void> => {
    await store
      .purgeExpired(now())
      .catch(() => log({ level: 'warn', msg: 'purge of expired sessions failed' }));
    await store.purgeEndedShares(now()).then(
      (purged) => {
        if (purged > 0) log({ level: 'info', msg: 'purged ended shares', count: purged });
      },
      () => log({ level: 'warn', msg: 'purge of ended shares failed' }),
    );
  };
  void round();
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
