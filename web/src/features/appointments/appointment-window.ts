/** When the waiting room is open for an appointment: from 10 minutes before its start to its end. */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

export function roomIsOpen(startsAt: number | null, durationMinutes: number, now: number): boolean {
  if (startsAt === null) return false;
  return now >= startsAt - ROOM_OPENS_BEFORE_MS && now <= startsAt + durationMinutes * 60_000;
}

/** Still to come (or running), or with no time yet. */
export function isUpcoming(startsAt: number | null, durationMinutes: number, now: number): boolean {
  return startsAt === null || now <= startsAt + durationMinutes * 60_000;
}
