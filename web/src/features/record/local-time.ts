/**
 * Between `<input type="datetime-local">` values (local wall-clock time, no zone) and the ISO
 * instants the schemas store (with an explicit offset, so they order the same on every device).
 * The offset written is the device's offset at that moment, daylight saving included.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function localParts(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2025-03-14T08:15` (local) → `2025-03-14T08:15:00+01:00`; text that is not a local time is returned as is. */
export function fromLocalInput(local: string): string {
  const match = LOCAL_INPUT.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // A non-existent local time (Feb 30, or inside a spring-forward gap) is moved by Date: refuse it.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return local;
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${localParts(date)}:${pad(date.getSeconds())}${offset}`;
}

/** An ISO instant → the local `YYYY-MM-DDTHH:mm` a datetime-local input shows; '' if unreadable. */
export function toLocalInput(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : localParts(new Date(time));
}

export function nowLocalInput(now: Date = new Date()): string {
  return localParts(now);
}

/** Today's local date as `YYYY-MM-DD`. */
export function todayInput(now: Date = new Date()): string {
  return localParts(now).slice(0, 10);
}
