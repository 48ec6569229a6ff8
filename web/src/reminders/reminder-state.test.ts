import { describe, expect, it } from 'vitest';
import {
  dismissedFor,
  dismissSuggestion,
  emptyState,
  mark,
  marksOf,
  parseReminderState,
  parseTimes,
  snooze,
} from './reminder-state.ts';

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

  it('reads a state stored before appointments were kept, and refuses a malformed appointment', () => {
    const { appointments: _none, ...older } = emptyState(5);
    expect(parseReminderState(older).appointments).toEqual([]);
    const kept = {
      id: 'a1',
      title: 'Dr Hugo Lambert',
      startsAt: 1,
      durationMinutes: 30,
      role: 'patient',
      link: '/consult#ABCDEFGHJK',
    };
    expect(parseReminderState({ ...older, appointments: [kept] }).appointments).toEqual([kept]);
    expect(() => parseReminderState({ ...older, appointments: [{ ...kept, role: 'guest' }] })).toThrow();
  });

  it('sets a vaccination suggestion aside per profile, and shows it again', () => {
    const one = dismissSuggestion(emptyState(0), 'child', 'mmr-2');
    const two = dismissSuggestion(dismissSuggestion(one, 'child', 'mmr-2'), 'parent', 'mmr-2');
    expect(dismissedFor(two, 'child')).toEqual(new Set(['mmr-2']));
    expect(dismissedFor(two, 'parent')).toEqual(new Set(['mmr-2']));
    expect(two.dismissed).toHaveLength(2);
    expect(dismissedFor(two, 'other')).toEqual(new Set());
    const back = dismissSuggestion(two, 'child', 'mmr-2', true);
    expect(dismissedFor(back, 'child')).toEqual(new Set());
    expect(parseReminderState(back).dismissed).toEqual(['parent:mmr-2']);
  });
});
