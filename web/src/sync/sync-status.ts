/**
 * The sync status the UI always shows (issue 4): offline, syncing n/m, synced at hh:mm, or an error
 * with its reason and a retry. Fed by the replication's handlers; emits only when it changes.
 */
import { type SyncReason, syncReason } from '../server/reasons.ts';
import type { ServerError } from '../server/server-error.ts';
import type { RefusedChange } from './sync-history.ts';

/** `outdated`: the server speaks another protocol version; nothing syncs until the app is updated. */
export type SyncState = 'offline' | 'syncing' | 'synced' | 'error' | 'outdated';

export interface SyncStatus {
  readonly state: SyncState;
  /** Documents of this round not yet acknowledged by the server. */
  readonly pending?: number;
  /** Documents sent or received in this round. */
  readonly total?: number;
  /** Milliseconds since the epoch of the last time everything was in sync. */
  readonly lastSyncedAt?: number;
  readonly error?: SyncReason;
  /** With `quota-exceeded`: what the account stores, may store, and would have stored (bytes). */
  readonly quota?: QuotaFigures;
  /**
   * Changes from the server this device refused (rolled back, tampered, unverifiable deletion;
   * pull-guard.ts), newest first, whatever the state. Absent when there are none.
   */
  readonly refused?: readonly RefusedChange[];
}

export interface QuotaFigures {
  readonly usage: number;
  readonly limit: number;
  readonly wouldUse?: number;
}

/** The numbers of a `quota-exceeded` answer, if the server sent them. */
export function quotaFigures(error: ServerError): QuotaFigures | undefined {
  const details = error.meta.details;
  if (error.reason !== 'quota-exceeded' || details?.usage === undefined || details.limit === undefined)
    return undefined;
  return {
    usage: details.usage,
    limit: details.limit,
    ...(details.wouldUse === undefined ? {} : { wouldUse: details.wouldUse }),
  };
}

export class SyncStatusTracker {
  private readonly active = new Set<string>();
  private error: SyncReason | null = null;
  private quota: QuotaFigures | undefined;
  private total = 0;
  private done = 0;
  private lastSyncedAt: number | undefined;
  private last = '';
  private current: SyncStatus = { state: 'syncing' };
  private refusedList: readonly RefusedChange[] = [];

  constructor(
    private readonly onStatus: (status: SyncStatus) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  get status(): SyncStatus {
    return this.current;
  }

  setActive(name: string, active: boolean): void {
    if (active) this.active.add(name);
    else this.active.delete(name);
    this.emit();
  }

  failed(error: ServerError): void {
    this.error = syncReason(error);
    this.quota = quotaFigures(error);
    this.emit();
  }

  succeeded(): void {
    if (this.error === null) return;
    this.error = null;
    this.quota = undefined;
    this.emit();
  }

  refused(list: readonly RefusedChange[]): void {
    this.refusedList = list;
    this.emit();
  }

  pushing(rows: number): void {
    this.total += rows;
    this.emit();
  }

  pushed(rows: number): void {
    this.done += rows;
    this.emit();
  }

  pulled(count: number): void {
    this.total += count;
    this.done += count;
    this.emit();
  }

  private compute(): SyncStatus {
    const progress = this.total > 0 ? { pending: this.total - this.done, total: this.total } : {};
    const since = this.lastSyncedAt === undefined ? {} : { lastSyncedAt: this.lastSyncedAt };
    if (this.error) {
      const state = this.error === 'offline' ? 'offline' : 'error';
      const quota = this.quota ? { quota: this.quota } : {};
      return { state, ...since, ...(state === 'error' ? { error: this.error, ...quota } : {}) };
    }
    if (this.active.size > 0) return { state: 'syncing', ...progress, ...since };
    this.lastSyncedAt = this.now();
    this.total = 0;
    this.done = 0;
    return { state: 'synced', lastSyncedAt: this.lastSyncedAt };
  }

  private emit(): void {
    const computed = this.compute();
    const next = this.refusedList.length > 0 ? { ...computed, refused: this.refusedList } : computed;
    const key = JSON.stringify({ ...next, lastSyncedAt: next.state === 'synced' ? 0 : next.lastSyncedAt });
    this.current = next;
    if (key === this.last) return;
    this.last = key;
    this.onStatus(next);
  }
}
