import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isTimeZone,
  localDate,
  nextLocalDate,
  wallClock,
  wallTimeInstant,
  zonedInstant,
} from './zoned-time.ts';

const iso = (at: number) => new Date(at).toISOString();

describe('localDate', () => {
  it('gives the date where the person is, not in UTC', () => {
    const at = Date.parse('2026-03-14T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-03-14');
    expect(localDate(at, 'Europe/Paris')).toBe('2026-03-15');
    expect(localDate(at, 'America/New_York')).toBe('2026-03-14');
    expect(localDate(Date.parse('2026-03-15T09:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-15');
    expect(localDate(Date.parse('2026-03-15T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-16');
  });
});

describe('day arithmetic', () => {
  it('counts whole days across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('wallTimeInstant (a skipped time comes an hour later)', () => {
  it('places a time on an ordinary day in winter and in summer', () => {
    expect(iso(wallTimeInstant('2026-01-10', '08:00', 'Europe/Paris'))).toBe('2026-01-10T07:00:00.000Z');
    expect(iso(wallTimeInstant('2026-07-10', '08:00', 'Europe/Paris'))).toBe('2026-07-10T06:00:00.000Z');
    expect(iso(wallTimeInstant('2026-07-10', '08:00', 'America/New_York'))).toBe('2026-07-10T12:00:00.000Z');
  });

  it('keeps 08:00 at 08:00 on both change days in Paris', () => {
    expect(iso(wallTimeInstant('2026-03-29', '08:00', 'Europe/Paris'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(wallTimeInstant('2026-10-25', '08:00', 'Europe/Paris'))).toBe('2026-10-25T07:00:00.000Z');
    // Just before the change too.
    expect(iso(wallTimeInstant('2026-03-29', '01:30', 'Europe/Paris'))).toBe('2026-03-29T00:30:00.000Z');
  });

  it('moves a time in the skipped hour an hour later, never drops it', () => {
    // 02:30 does not exist in Paris on 29 March 2026: 03:30 CEST.
    expect(iso(wallTimeInstant('2026-03-29', '02:30', 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    expect(localDate(wallTimeInstant('2026-03-29', '02:30', 'Europe/Paris'), 'Europe/Paris')).toBe(
      '2026-03-29',
    );
    // New York springs forward on 8 March 2026.
    expect(iso(wallTimeInstant('2026-03-08', '02:15', 'America/New_York'))).toBe('2026-03-08T07:15:00.000Z');
  });

  it('takes the first of a time that happens twice', () => {
    // 02:30 happens twice in Paris on 25 October 2026: first under CEST (UTC+2).
    expect(iso(wallTimeInstant('2026-10-25', '02:30', 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallTimeInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles a zone across the date line and UTC itself', () => {
    expect(iso(wallTimeInstant('2026-06-01', '07:00', 'Pacific/Auckland'))).toBe('2026-05-31T19:00:00.000Z');
    expect(iso(wallTimeInstant('2026-06-01', '07:00', 'UTC'))).toBe('2026-06-01T07:00:00.000Z');
  });
});

describe('zonedInstant: the skipped-hour policy is the caller’s', () => {
  const spring = { year: 2026, month: 3, day: 29 };
  const autumn = { year: 2026, month: 10, day: 25 };

  it('a time skipped by the change: none → null (slots), later → an hour later (reminders)', () => {
    expect(zonedInstant(spring, 2 * 60 + 30, 'Europe/Paris', 'none')).toBeNull();
    expect(iso(zonedInstant(spring, 2 * 60 + 30, 'Europe/Paris', 'later'))).toBe('2026-03-29T01:30:00.000Z');
    const ny = { year: 2026, month: 3, day: 8 };
    expect(zonedInstant(ny, 2 * 60 + 15, 'America/New_York', 'none')).toBeNull();
    expect(iso(zonedInstant(ny, 2 * 60 + 15, 'America/New_York', 'later'))).toBe('2026-03-08T07:15:00.000Z');
  });

  it('both policies agree on every time that exists, and take the first of a repeated one', () => {
    for (const date of [spring, autumn, { year: 2026, month: 1, day: 10 }]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const none = zonedInstant(date, minutes, 'Europe/Paris', 'none');
        if (none === null) continue;
        expect(zonedInstant(date, minutes, 'Europe/Paris', 'later')).toBe(none);
        const back = wallClock(none, 'Europe/Paris');
        expect([back.day, back.minutes]).toEqual([date.day, minutes]);
      }
    }
    expect(iso(zonedInstant(autumn, 2 * 60 + 30, 'Europe/Paris', 'none') ?? 0)).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('reads the wall clock with its weekday and offset; knows its zones; steps days', () => {
    const w = wallClock(Date.UTC(2026, 6, 1, 7, 0), 'Europe/Paris');
    expect(w).toMatchObject({
      year: 2026,
      month: 7,
      day: 1,
      minutes: 9 * 60,
      weekday: 3,
      offsetMs: 7_200_000,
    });
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Nowhere/Land')).toBe(false);
    expect(nextLocalDate({ year: 2028, month: 2, day: 28 })).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
