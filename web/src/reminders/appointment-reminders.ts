/**
 * Reminders of upcoming accepted appointments (docs/architecture.md §8.10), pure: one the day before
 * at the same wall-clock time (in the device's zone, so across a DST change it is 23 or 25 hours
 * ahead, and a time skipped that night comes an hour later), then one 15 minutes before the start,
 * with the way in (the patient's join link, the practitioner's waiting room). At most one per
 * appointment is open: the day-before one until the 15-minute one is due, then that one until the
 * appointment ends; after its end nothing is listed, so a device off through both times shows only
 * what still helps. Keys carry the start, so a rescheduled appointment is reminded afresh.
 */
import { addDays, localDate, wallClock, wallTimeInstant } from '../../../shared/time/zoned-time.ts';
import type { OpenedAppointment } from '../messaging/appointments.ts';

/** What the device keeps of an accepted appointment to remind it offline (sealed reminder state). */
export interface AppointmentSource {
  readonly id: string;
  /** The other side: the practitioner's name, or the patient profile's. */
  readonly title: string;
  readonly startsAt: number;
  readonly durationMinutes: number;
  readonly role: 'patient' | 'practitioner';
  /** Where to go at the time: `/consult#CODE` (patient) or `/waiting-room` (practitioner). */
  readonly link: string;
}

export interface AppointmentReminder {
  readonly key: string;
  readonly recordId: string;
  readonly title: string;
  readonly dueAt: number;
  readonly startsAt: number;
  readonly link: string;
  readonly role: 'patient' | 'practitioner';
}

export const SOON_MS = 15 * 60_000;
/** How many upcoming appointments the device keeps for reminders. */
export const MAX_APPOINTMENT_SOURCES = 50;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The same wall-clock time on the previous local day. */
export function dayBefore(startsAt: number, timeZone: string): number {
  const wall = wallClock(startsAt, timeZone);
  const time = `${pad(Math.floor(wall.minutes / 60))}:${pad(wall.minutes % 60)}`;
  return wallTimeInstant(addDays(localDate(startsAt, timeZone), -1), time, timeZone);
}

export function appointmentReminders(
  sources: readonly AppointmentSource[],
  now: number,
  timeZone: string,
): AppointmentReminder[] {
  const out: AppointmentReminder[] = [];
  for (const a of sources) {
    if (now > a.startsAt + a.durationMinutes * 60_000) continue;
    const soon = now >= a.startsAt - SOON_MS;
    const dueAt = soon ? a.startsAt - SOON_MS : dayBefore(a.startsAt, timeZone);
    // The day-before one is listed from its own day on, like the other reminders of the day.
    if (!soon && localDate(dueAt, timeZone) > localDate(now, timeZone)) continue;
    out.push({
      key: `appt:${a.id}:${a.startsAt}:${soon ? 'soon' : 'day'}`,
      recordId: a.id,
      title: a.title,
      dueAt,
      startsAt: a.startsAt,
      link: a.link,
      role: a.role,
    });
  }
  return out;
}

/** The accepted appointments still to come, as the device keeps them for reminders. */
export function appointmentSources(list: readonly OpenedAppointment[], now: number): AppointmentSource[] {
  return list
    .flatMap((a): AppointmentSource[] => {
      if (a.status !== 'accepted' || a.startsAt === null) return [];
      if (a.startsAt + a.durationMinutes * 60_000 < now) return [];
      const patient = a.role === 'patient';
      return [
        {
          id: a.id,
          title: patient ? a.practitionerName : (a.request?.profileName ?? ''),
          startsAt: a.startsAt,
          durationMinutes: a.durationMinutes,
          role: a.role,
          link: patient ? (a.roomCode ? `/consult#${a.roomCode}` : '/appointments') : '/waiting-room',
        },
      ];
    })
    .sort((x, y) => x.startsAt - y.startsAt)
    .slice(0, MAX_APPOINTMENT_SOURCES);
}
