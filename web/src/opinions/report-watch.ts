/**
 * Tells the requester when a second-opinion report has arrived (docs/architecture.md §8.8): while the
 * vault is unlocked, the requests are listed now and then (the server sends no live event for them),
 * and each request of this account whose report is in gives one notice, once per request — the
 * notices service keeps which ones it already gave, so a notice read and kept is not given again.
 * The notice says "Second opinion report" and opens the request; nothing of the report is in it.
 * With the app closed nothing arrives (no push for reports: Web Push carries messages only).
 */
import type { SetTimer } from '../core/clock.ts';
import type { OpinionView } from './opinion-views.ts';

export interface ReportNotice {
  readonly kind: 'second-opinion';
  readonly titleKey: 'second-opinion';
  readonly route: string;
  readonly ref: string;
}

export interface ReportWatchDeps {
  /** The account's requests, as the opinions service lists them; throws when offline. */
  list(): Promise<readonly OpinionView[]>;
  /** Adds the notice unless one of the same kind and ref was ever given (notifications `addOnce`). */
  notifyOnce(notice: ReportNotice): Promise<void>;
  readonly setTimer: SetTimer;
  /** Milliseconds between two looks; the first look is at once. */
  readonly every: number;
}

/** The requests whose report is in, as notices: what one look gives. */
export function reportNotices(views: readonly OpinionView[]): ReportNotice[] {
  return views
    .filter((v) => v.role === 'requester' && v.server.reportedAt !== null)
    .map((v) => ({
      kind: 'second-opinion',
      titleKey: 'second-opinion',
      route: `/second-opinion/${v.id}`,
      ref: v.id,
    }));
}

/** Starts looking; the returned function stops (on lock). */
export function watchReports(deps: ReportWatchDeps): () => void {
  let stopped = false;
  let cancel: (() => void) | null = null;
  const look = async () => {
    try {
      for (const notice of reportNotices(await deps.list())) {
        if (stopped) return;
        await deps.notifyOnce(notice);
      }
    } catch {
      // Offline or sync off: the next look tries again.
    }
    if (!stopped) cancel = deps.setTimer(() => void look(), deps.every);
  };
  void look();
  return () => {
    stopped = true;
    cancel?.();
  };
}
