import { describe, expect, it } from 'vitest';
import { billSession } from '../../../../shared/billing/bill-session.ts';
import { RECONNECT_GRACE_MS, SegmentClock } from './segment-clock.ts';

const MIN = 60_000;

describe('SegmentClock', () => {
  it('records one stretch per connection, a reconnect within the grace continuing the session', () => {
    const clock = new SegmentClock(0);
    clock.connected(1_000);
    clock.disconnected(2 * MIN);
    expect(clock.graceExpired(2 * MIN + RECONNECT_GRACE_MS)).toBe(false);
    clock.connected(2 * MIN + 30_000);
    expect(clock.connectedMs(3 * MIN)).toBe(2 * MIN - 1_000 + 30_000);
    clock.end(6 * MIN);
    expect(clock.segments(6 * MIN)).toEqual([
      { start: 1_000, end: 2 * MIN },
      { start: 2 * MIN + 30_000, end: 6 * MIN },
    ]);
    // The second stretch (3:30) alone makes the session billable.
    expect(billSession(clock.segments(6 * MIN), 6_000).billable).toBe(true);
  });

  it('says the grace is over after a drop longer than the grace', () => {
    const clock = new SegmentClock(0);
    clock.connected(0);
    clock.disconnected(MIN);
    expect(clock.graceExpired(MIN + RECONNECT_GRACE_MS + 1)).toBe(true);
    expect(clock.isConnected).toBe(false);
  });

  it('ignores repeated events and anything after the end', () => {
    const clock = new SegmentClock(0);
    clock.connected(10);
    clock.connected(20);
    clock.disconnected(30);
    clock.disconnected(40);
    clock.end(50);
    clock.connected(60);
    expect(clock.segments(100)).toEqual([{ start: 10, end: 30 }]);
    expect(clock.ended).toBe(50);
  });
});
