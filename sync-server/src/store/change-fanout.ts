import type { AccountEvent, AccountListener } from './store.ts';

/**
 * In-process fan-out of account events to the live streams of this instance. SQLite publishes here
 * after each commit; PostgreSQL publishes what LISTEN receives, so every instance hears every write.
 * A throwing listener must not stop the others, nor the push that triggered it.
 */
export class ChangeFanout {
  private readonly listeners = new Map<string, Set<AccountListener>>();

  subscribe(accountId: string, listener: AccountListener): () => void {
    let set = this.listeners.get(accountId);
    if (!set) {
      set = new Set();
      this.listeners.set(accountId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(accountId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(accountId);
    };
  }

  publish(accountId: string, event: AccountEvent): void {
    for (const listener of [...(this.listeners.get(accountId) ?? [])]) {
      try {
        listener(event);
      } catch {
        // A broken stream is cleaned up by its own abort handler.
      }
    }
  }

  /** Every subscriber of every account, e.g. after events may have been lost. */
  publishAll(event: AccountEvent): void {
    for (const accountId of [...this.listeners.keys()]) this.publish(accountId, event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
