/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with the platform's time-zone data (Intl),
 * so no tz library is needed. A local time that does not exist (the hour skipped when clocks go
 * forward) has no instant: `zonedInstant` answers null. A local time that happens twice (the hour
 * repeated when clocks go back) is the first of the two.
 */

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

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

/** The instant of `minutes` after midnight on `date` in `timeZone`, or null if that wall time is skipped. */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number | null {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // Offsets on either side of a change: try the earlier candidate first, so a repeated hour gives
  // its first occurrence.
  const candidates = new Set<number>();
  for (const probe of [naive - 36 * 3_600_000, naive, naive + 36 * 3_600_000]) {
    candidates.add(naive - wallClock(probe, timeZone).offsetMs);
  }
  const matches = [...candidates]
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
  return matches[0] ?? null;
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
