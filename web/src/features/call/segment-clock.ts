/**
 * The connected stretches of one call, from the media connection's state changes. Pure: the caller
 * passes the time. A drop closes the current stretch; a reconnect within the grace period opens a
 * new one in the same session; past the grace, the session is over (the caller ends the call).
 */
import type { Segment } from '../../../../shared/billing/bill-session.ts';

export const RECONNECT_GRACE_MS = 60_000;

export class SegmentClock {
  readonly startedAt: number;
  private readonly closed: Segment[] = [];
  private openSince: number | null = null;
  private droppedAt: number | null = null;
  private endedAt: number | null = null;

  constructor(now: number) {
    this.startedAt = now;
  }

  connected(now: number): void {
    if (this.endedAt !== null || this.openSince !== null) return;
    this.openSince = now;
    this.droppedAt = null;
  }

  disconnected(now: number): void {
    if (this.openSince === null) return;
    this.closed.push({ start: this.openSince, end: Math.max(now, this.openSince) });
    this.openSince = null;
    this.droppedAt = now;
  }

  /** True once a drop has lasted longer than the grace period. */
  graceExpired(now: number): boolean {
    return this.droppedAt !== null && now - this.droppedAt > RECONNECT_GRACE_MS;
  }

  get isConnected(): boolean {
    return this.openSince !== null;
  }

  end(now: number): void {
    if (this.endedAt !== null) return;
    this.disconnected(now);
    this.endedAt = now;
  }

  get ended(): number | null {
    return this.endedAt;
  }

  segments(now: number): Segment[] {
    return this.openSince === null ? [...this.closed] : [...this.closed, { start: this.openSince, end: now }];
  }

  /** Connected time so far, for the running counter. */
  connectedMs(now: number): number {
    return this.segments(now).reduce((sum, s) => sum + s.end - s.start, 0);
  }
}
