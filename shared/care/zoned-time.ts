/**
 * Calendar dates and wall-clock times in a named time zone (IANA, e.g. `Europe/Paris`), from the
 * platform's own time-zone data (Intl): no table of offsets of our own. Dates are `YYYY-MM-DD`
 * strings and are counted in whole days on the UTC calendar, so day arithmetic never meets a
 * daylight-saving change; only turning a local time into an instant does.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  readonly date: string;
  readonly minutes: number;
  readonly seconds: number;
}

function wallClock(at: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(at: number, timeZone: string): string {
  return wallClock(at, timeZone).date;
}

/** Whole days from `a` to `b` (`YYYY-MM-DD`), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` days after `date` (before when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Offset of the zone from UTC at an instant, in minutes (Paris in winter: 60). */
function offsetMinutes(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.parse(`${w.date}T00:00:00Z`) + w.minutes * 60_000 + w.seconds * 1000;
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (`HH:MM`) happens on a date in a zone. On the day clocks go forward
 * a time in the skipped hour does not exist: it is taken as the same time under the offset before
 * the change (02:30 in Paris on the last Sunday of March is 03:30 CEST), so a reminder is late,
 * never lost. On the day clocks go back a time that happens twice is the first of the two.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number);
  const naive = Date.parse(`${date}T00:00:00Z`) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  // Try the offsets in force a day either side; the earlier instant that reads back as wanted wins.
  const offsets = [offsetMinutes(naive - DAY_MS, timeZone), offsetMinutes(naive + DAY_MS, timeZone)];
  const candidates = [...new Set(offsets)]
    .map((o) => naive - o * 60_000)
    .filter((at) => {
      const w = wallClock(at, timeZone);
      return w.date === date && w.minutes === (h ?? 0) * 60 + (m ?? 0);
    })
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In the gap: the offset before the change (the larger one going forward is after it).
  return naive - Math.min(...offsets) * 60_000;
}

/** The device's own time zone. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
