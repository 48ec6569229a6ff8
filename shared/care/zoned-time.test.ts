import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, zonedInstant } from './zoned-time.ts';

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

describe('zonedInstant', () => {
  it('places a time on an ordinary day in winter and in summer', () => {
    expect(iso(zonedInstant('2026-01-10', '08:00', 'Europe/Paris'))).toBe('2026-01-10T07:00:00.000Z');
    expect(iso(zonedInstant('2026-07-10', '08:00', 'Europe/Paris'))).toBe('2026-07-10T06:00:00.000Z');
    expect(iso(zonedInstant('2026-07-10', '08:00', 'America/New_York'))).toBe('2026-07-10T12:00:00.000Z');
  });

  it('keeps 08:00 at 08:00 on both change days in Paris', () => {
    expect(iso(zonedInstant('2026-03-29', '08:00', 'Europe/Paris'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '08:00', 'Europe/Paris'))).toBe('2026-10-25T07:00:00.000Z');
    // Just before the change too.
    expect(iso(zonedInstant('2026-03-29', '01:30', 'Europe/Paris'))).toBe('2026-03-29T00:30:00.000Z');
  });

  it('moves a time in the skipped hour an hour later, never drops it', () => {
    // 02:30 does not exist in Paris on 29 March 2026: 03:30 CEST.
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    expect(localDate(zonedInstant('2026-03-29', '02:30', 'Europe/Paris'), 'Europe/Paris')).toBe('2026-03-29');
    // New York springs forward on 8 March 2026.
    expect(iso(zonedInstant('2026-03-08', '02:15', 'America/New_York'))).toBe('2026-03-08T07:15:00.000Z');
  });

  it('takes the first of a time that happens twice', () => {
    // 02:30 happens twice in Paris on 25 October 2026: first under CEST (UTC+2).
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles a zone across the date line and UTC itself', () => {
    expect(iso(zonedInstant('2026-06-01', '07:00', 'Pacific/Auckland'))).toBe('2026-05-31T19:00:00.000Z');
    expect(iso(zonedInstant('2026-06-01', '07:00', 'UTC'))).toBe('2026-06-01T07:00:00.000Z');
  });
});
