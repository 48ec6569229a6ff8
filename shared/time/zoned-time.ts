/**
 * Calendar dates and wall-clock times in a named time zone (IANA, e.g. `Europe/Paris`) ↔ UTC
 * instants, from the platform's own time-zone data (Intl): no tz library, no table of offsets of our
 * own. One module for appointments (slots), reminders, adherence and billing months.
 *
 * Day arithmetic is on the UTC calendar (`YYYY-MM-DD` strings or `LocalDate` parts), so it never
 * meets a daylight-saving change; only turning a wall time into an instant does, and there the
 * caller says what a time that does not exist means (`SkippedTime`):
 * - `'none'`: a time in the hour skipped when clocks go forward has no instant (null). Slots: an
 *   appointment at 02:30 on that day cannot be offered.
 * - `'later'`: it is taken under the offset in force before the change, i.e. an hour later on the
 *   wall (02:30 in Paris on the last Sunday of March is 03:30 CEST). Reminders: late, never lost.
 * A time that happens twice (clocks going back) is the first of the two under both policies.
 */

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** What a wall time skipped by a daylight-saving change becomes: no instant, or an hour later. */
export type SkippedTime = 'none' | 'later';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True for a time zone name this platform knows (e.g. `Europe/Paris`). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The device's own time zone. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The wall clock in `timeZone` at `instant`: date, minutes since midnight, ISO weekday (Monday 1). */
export function wallClock(
  instant: number,
  timeZone: string,
): LocalDate & { minutes: number; weekday: number; offsetMs: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return {
    year,
    month,
    day,
    minutes: hour * 60 + minute,
    weekday,
    offsetMs: asUtc - Math.floor(instant / 1000) * 1000,
  };
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function localDate(at: number, timeZone: string): string {
  return formatLocalDate(wallClock(at, timeZone));
}

/**
 * The instant of `minutes` after midnight on `date` in `timeZone`. A wall time that happens twice is
 * the first; one skipped by a change follows `skipped` (null, or an hour later).
 */
export function zonedInstant(
  date: LocalDate,
  minutes: number,
  timeZone: string,
  skipped: 'none',
): number | null;
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string, skipped: 'later'): number;
export function zonedInstant(
  date: LocalDate,
  minutes: number,
  timeZone: string,
  skipped: SkippedTime,
): number | null {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // The offsets in force on either side of a change; the earlier instant that reads back as wanted
  // wins, so a repeated hour gives its first occurrence.
  const offsets = [naive - 36 * 3_600_000, naive, naive + 36 * 3_600_000].map(
    (probe) => wallClock(probe, timeZone).offsetMs,
  );
  const matches = [...new Set(offsets)]
    .map((offset) => naive - offset)
    .filter((instant) => {
      const back = wallClock(instant, timeZone);
      return (
        back.year === date.year &&
        back.month === date.month &&
        back.day === date.day &&
        back.minutes === minutes
      );
    })
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return matches[0];
  if (skipped === 'none') return null;
  // In the gap: the offset before the change, the smaller one when clocks go forward.
  return naive - Math.min(...offsets);
}

/** The instant of a `HH:MM` wall time on a `YYYY-MM-DD` date; a skipped time comes an hour later. */
export function wallTimeInstant(date: string, time: string, timeZone: string): number {
  return zonedInstant(parseLocalDate(date), parseClock(time), timeZone, 'later');
}

/** `YYYY-MM-DD` → date parts (the caller has validated the format). */
export function parseLocalDate(text: string): LocalDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `HH:MM` → minutes since midnight. */
export function parseClock(text: string): number {
  const [hours = 0, minutes = 0] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

export function nextLocalDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Whole days from `a` to `b` (`YYYY-MM-DD`), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` days after `date` (before when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
