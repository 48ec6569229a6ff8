import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../http/logger.ts';
import { startPurges } from './purge-timer.ts';
import type { Store } from './store.ts';

describe('purge timer', () => {
  afterEach(() => vi.useRealTimers());

  it('purges expired sessions and ended shares at start and then on every tick, logging counts only', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const store = {
      purgeExpired: async (now: number) => {
        calls.push(`sessions@${now}`);
      },
      purgeEndedShares: async (now: number) => {
        calls.push(`shares@${now}`);
        return 2;
      },
    } as unknown as Store;
    const logs: LogEntry[] = [];
    let now = 1000;
    const stop = startPurges(
      store,
      (entry) => logs.push(entry),
      () => now,
      60_000,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['sessions@1000', 'shares@1000']);
    now = 61_000;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.slice(2)).toEqual(['sessions@61000', 'shares@61000']);
    expect(logs).toContainEqual({ level: 'info', msg: 'purged ended shares', count: 2 });
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(4);
  });

  it('logs a failed round without details and tries again on the next tick', async () => {
    vi.useFakeTimers();
    let fail = true;
    const store = {
      purgeExpired: async () => {},
      purgeEndedShares: async () => {
        if (fail) throw new Error('postgres://user:secret@db failed');
        return 0;
      },
    } as unknown as Store;
    const logs: LogEntry[] = [];
    const stop = startPurges(
      store,
      (entry) => logs.push(entry),
      () => 0,
      1000,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(logs).toEqual([{ level: 'warn', msg: 'purge of ended shares failed' }]);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(logs).toHaveLength(1);
    stop();
  });
});
