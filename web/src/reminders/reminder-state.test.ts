import { describe, expect, it } from 'vitest';
import { emptyState, mark, marksOf, parseTimes, snooze } from './reminder-state.ts';

describe('reminder state', () => {
  it('parses times per day, sorted and distinct, and refuses what is not a time', () => {
    expect(parseTimes('20:00, 8:00 08:00')).toEqual(['08:00', '20:00']);
    expect(parseTimes('')).toEqual([]);
    expect(parseTimes('25:00')).toBeNull();
    expect(parseTimes('8h')).toBeNull();
  });

  it('marking closes a reminder and releases its snooze', () => {
    const snoozed = snooze(emptyState(0), 'med:m1:2026-03-10:08:00', 1_000);
    expect(marksOf(snoozed).snoozed.get('med:m1:2026-03-10:08:00')).toBe(1_000);
    const taken = mark(snoozed, 'med:m1:2026-03-10:08:00', 'taken', 500);
    expect(marksOf(taken).closed.has('med:m1:2026-03-10:08:00')).toBe(true);
    expect(marksOf(taken).snoozed.size).toBe(0);
    expect(taken.log).toEqual([{ key: 'med:m1:2026-03-10:08:00', action: 'taken', at: 500 }]);
  });
});
