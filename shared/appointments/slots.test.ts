import { describe, expect, it } from 'vitest';
import { type Availability, availabilitySchema } from '../protocol/appointments.ts';
import { zonedInstant } from '../time/zoned-time.ts';
import { busyStarts, freeSlots, isSlotStart } from './slots.ts';

const paris: Availability = {
  timeZone: 'Europe/Paris',
  slotMinutes: 30,
  weekly: [
    { day: 1, start: '09:00', end: '10:00' },
    { day: 3, start: '14:00', end: '15:15' },
  ],
  exceptions: [],
  asap: false,
};

const iso = (ms: number) => new Date(ms).toISOString();

describe('free slots', () => {
  it('cuts each weekly window into whole slots, in the practitioner’s time zone', () => {
    // Monday 2026-01-05 and Wednesday 2026-01-07: Paris is UTC+1 in winter.
    const slots = freeSlots(paris, Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 8));
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:30:00.000Z',
      '2026-01-07T13:00:00.000Z',
      '2026-01-07T13:30:00.000Z',
    ]);
    expect(slots[0]?.end).toBe(Date.UTC(2026, 0, 5, 8, 30));
  });

  it('keeps 09:00 local across the spring and autumn DST changes', () => {
    // Monday 2026-03-23 (UTC+1), Monday 2026-03-30 (UTC+2 after 29 March), Monday 2026-10-26 (UTC+1 again).
    const mondays: Availability = {
      ...paris,
      slotMinutes: 60,
      weekly: [{ day: 1, start: '09:00', end: '10:00' }],
    };
    const spring = freeSlots(mondays, Date.UTC(2026, 2, 23), Date.UTC(2026, 2, 31));
    expect(spring.map((s) => iso(s.start))).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    const autumn = freeSlots(mondays, Date.UTC(2026, 9, 19), Date.UTC(2026, 9, 27));
    expect(autumn.map((s) => iso(s.start))).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('leaves out a wall time skipped by the DST change and takes the first of a repeated one', () => {
    const night: Availability = {
      ...paris,
      slotMinutes: 60,
      weekly: [{ day: 7, start: '01:00', end: '04:00' }],
    };
    // Sunday 2026-03-29: 02:00–03:00 does not exist in Paris.
    const spring = freeSlots(night, Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 29, 12));
    expect(spring.map((s) => iso(s.start))).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    // Sunday 2026-10-25: 02:00–03:00 happens twice; 02:00 is the first (UTC+2).
    const autumn = freeSlots(night, Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 9, 25, 12));
    expect(autumn.map((s) => iso(s.start))).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('follows exceptions: a closed day, and a day with other hours', () => {
    const withExceptions: Availability = {
      ...paris,
      exceptions: [
        { date: '2026-01-05', windows: [] },
        { date: '2026-01-07', windows: [{ start: '08:00', end: '08:30' }] },
        { date: '2026-01-10', windows: [{ start: '10:00', end: '11:00' }] },
      ],
    };
    const slots = freeSlots(withExceptions, Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 11));
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-01-07T07:00:00.000Z',
      '2026-01-10T09:00:00.000Z',
      '2026-01-10T09:30:00.000Z',
    ]);
  });

  it('works in a zone west of UTC, where the local day starts the previous UTC evening… or later', () => {
    const newYork: Availability = {
      ...paris,
      timeZone: 'America/New_York',
      weekly: [{ day: 5, start: '21:00', end: '22:00' }],
    };
    // Friday 2026-01-09 21:00 in New York is Saturday 02:00 UTC.
    const slots = freeSlots(newYork, Date.UTC(2026, 0, 9), Date.UTC(2026, 0, 11));
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-01-10T02:00:00.000Z', '2026-01-10T02:30:00.000Z']);
  });

  it('leaves out taken starts and the past, and knows its own slots', () => {
    const taken = new Set([Date.UTC(2026, 0, 5, 8)]);
    const slots = freeSlots(paris, Date.UTC(2026, 0, 5, 8, 10), Date.UTC(2026, 0, 6), taken);
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-01-05T08:30:00.000Z']);
    expect(isSlotStart(paris, Date.UTC(2026, 0, 5, 8, 30), Date.UTC(2026, 0, 1))).toBe(true);
    expect(isSlotStart(paris, Date.UTC(2026, 0, 5, 8, 15), Date.UTC(2026, 0, 1))).toBe(false);
    expect(isSlotStart(paris, Date.UTC(2026, 0, 5, 8, 30), Date.UTC(2026, 0, 6))).toBe(false);
  });

  it('converts wall times and refuses a skipped one', () => {
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9 * 60, 'Europe/Paris', 'none')).toBe(
      Date.UTC(2026, 6, 1, 7),
    );
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, 'Europe/Paris', 'none')).toBeNull();
  });

  it('refuses an unknown time zone, reversed windows and odd slot lengths', () => {
    expect(availabilitySchema.safeParse(paris).success).toBe(true);
    expect(availabilitySchema.safeParse({ ...paris, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(
      availabilitySchema.safeParse({ ...paris, weekly: [{ day: 1, start: '10:00', end: '09:00' }] }).success,
    ).toBe(false);
    expect(availabilitySchema.safeParse({ ...paris, slotMinutes: 5 }).success).toBe(false);
    expect(
      availabilitySchema.safeParse({ ...paris, weekly: [{ day: 8, start: '09:00', end: '10:00' }] }).success,
    ).toBe(false);
  });
});

describe('busy starts', () => {
  // Monday 2026-01-05, 09:00–12:00 Paris (08:00–11:00 UTC), 30-minute slots.
  const morning: Availability = { ...paris, weekly: [{ day: 1, start: '09:00', end: '12:00' }] };
  const utc = (h: number, m = 0) => Date.UTC(2026, 0, 5, h, m);
  const from = Date.UTC(2026, 0, 5);
  const to = Date.UTC(2026, 0, 6);

  it('names every slot an appointment of another length overlaps, not the ones back to back', () => {
    // A 45-minute appointment at 09:15 local (set before the slots were 30 minutes long).
    const taken = busyStarts(morning, [{ start: utc(8, 15), end: utc(9) }], from, to);
    expect(taken.map(iso)).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:15:00.000Z',
      '2026-01-05T08:30:00.000Z',
    ]);
    const free = freeSlots(morning, from, to, new Set(taken)).map((s) => iso(s.start));
    expect(free[0]).toBe('2026-01-05T09:00:00.000Z');
    expect(free).toHaveLength(4);
  });

  it('keeps within [from, to) and is empty without appointments', () => {
    expect(busyStarts(morning, [], from, to)).toEqual([]);
    const running = { start: utc(8), end: utc(9, 30) };
    expect(busyStarts(morning, [running], utc(8, 45), to).map(iso)).toEqual(['2026-01-05T09:00:00.000Z']);
  });
});
