/**
 * The free slots of a practitioner's availability (shared/protocol/appointments.ts), computed the
 * same way on the patient's device (to offer them) and on the server (to accept only those).
 * Pure: the caller passes the range and the starts already taken.
 *
 * Each local day in the practitioner's time zone takes its exception's windows if it has one (none:
 * closed), else the week's windows for its weekday; a window yields slots every `slotMinutes` from
 * its start while a whole slot fits. Wall times are converted with the zone's rules of that day, so
 * a 09:00 slot stays at 09:00 local across a DST change; a slot whose wall time does not exist that
 * day (clocks going forward) is left out; one whose time happens twice is the first.
 */
import type { Availability, AvailabilityWindow } from '../protocol/appointments.ts';
import { formatLocalDate, nextLocalDate, parseClock, wallClock, zonedInstant } from '../time/zoned-time.ts';

export interface Slot {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;
/** A bound on the work: 120 days of 10-minute slots around the clock. */
const MAX_SLOTS = 20_000;

export function windowsOn(
  availability: Availability,
  date: string,
  weekday: number,
): readonly AvailabilityWindow[] {
  const exception = availability.exceptions.find((e) => e.date === date);
  if (exception) return exception.windows;
  return availability.weekly.filter((w) => w.day === weekday);
}

/** Slots starting in [from, to), without those in `taken`, in time order. */
export function freeSlots(
  availability: Availability,
  from: number,
  to: number,
  taken: ReadonlySet<number> = new Set(),
): Slot[] {
  const zone = availability.timeZone;
  const step = availability.slotMinutes;
  const slots: Slot[] = [];
  // Start a day early: the zone's local day may begin before `from` in UTC.
  const before = wallClock(from - DAY_MS, zone);
  let date = { year: before.year, month: before.month, day: before.day };
  const seen = new Set<number>();
  for (let guard = 0; guard < 400; guard += 1) {
    const first = zonedInstant(date, 0, zone, 'none') ?? zonedInstant(date, 60, zone, 'none');
    if (first !== null && first >= to) break;
    const weekday = ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
    for (const window of windowsOn(availability, formatLocalDate(date), weekday)) {
      const end = parseClock(window.end);
      for (let minutes = parseClock(window.start); minutes + step <= end; minutes += step) {
        const start = zonedInstant(date, minutes, zone, 'none');
        if (start === null || start < from || start >= to || taken.has(start) || seen.has(start)) continue;
        seen.add(start);
        slots.push({ start, end: start + step * 60_000 });
        if (slots.length >= MAX_SLOTS) return slots.sort((a, b) => a.start - b.start);
      }
    }
    date = nextLocalDate(date);
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Whether `start` is one of the availability's slots (taken or not) at or after `from`. */
export function isSlotStart(availability: Availability, start: number, from: number): boolean {
  if (start < from) return false;
  return freeSlots(availability, start, start + 1).some((s) => s.start === start);
}

/**
 * Starts of the availability's slots in [from, to) that overlap one of `busy` (the practitioner's
 * live appointments, whatever their length), and the appointments' own starts: the slots no longer
 * free. Two ranges overlap when each starts before the other ends, so back-to-back is free.
 */
export function busyStarts(
  availability: Availability,
  busy: readonly Slot[],
  from: number,
  to: number,
): number[] {
  const length = availability.slotMinutes * 60_000;
  const starts = new Set<number>();
  for (const range of busy) {
    if (range.start >= from && range.start < to) starts.add(range.start);
    const first = Math.max(from, range.start - length + 1);
    const last = Math.min(to, range.end);
    if (first >= last) continue;
    for (const slot of freeSlots(availability, first, last)) starts.add(slot.start);
  }
  return [...starts].sort((a, b) => a - b);
}
