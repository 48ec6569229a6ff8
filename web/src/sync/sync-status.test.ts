import { describe, expect, it } from 'vitest';
import { ServerError } from '../server/server-error.ts';
import { type SyncStatus, SyncStatusTracker } from './sync-status.ts';

describe('SyncStatusTracker', () => {
  it('goes syncing n/m → synced at a time → offline → error → synced, emitting changes only', () => {
    const seen: SyncStatus[] = [];
    let clock = 1000;
    const status = new SyncStatusTracker(
      (s) => seen.push(s),
      () => clock,
    );
    status.setActive('records', true);
    status.pushing(3);
    status.pushed(3);
    status.setActive('records', false);
    status.setActive('records', false);
    clock = 2000;
    status.failed(new ServerError('offline'));
    status.failed(new ServerError('unauthorized'));
    status.succeeded();
    expect(seen).toEqual([
      { state: 'syncing' },
      { state: 'syncing', pending: 3, total: 3 },
      { state: 'syncing', pending: 0, total: 3 },
      { state: 'synced', lastSyncedAt: 1000 },
      { state: 'offline', lastSyncedAt: 1000 },
      { state: 'error', lastSyncedAt: 1000, error: 'unauthorized' },
      { state: 'synced', lastSyncedAt: 2000 },
    ]);
  });
});
