/**
 * Which reminders are due, pure (docs/architecture.md §8.10): from the record (current medications,
 * vaccinations' `nextDue`, exercise programmes with a weekly count) and this device's own settings
 * and log (times per day for each medication, the hour of the exercise reminder, what was marked
 * taken, skipped, done or snoozed). Times are wall-clock times in the device's time zone, placed on
 * each day by `zonedInstant`, so 08:00 stays 08:00 across a daylight-saving change.
 *
 * Upcoming accepted appointments are reminded the day before and 15 minutes before
 * (appointment-reminders.ts). A reminder has a stable key (`med:<record>:<date>:<HH:MM>`,
 * `vax:<record>:<date>`, `ex:<programme>:<date>`, `appt:<id>:<start>:day|soon`), so marking it done or snoozing it is remembered, and a notification is
 * shown once. A device that was off or closed at the time shows what it missed when it next runs:
 * medication doses of today and yesterday still open are listed as missed, and `toNotify` gives one
 * notification per reminder that fell due since the last check (a summary when there are many).
 */
import { adherence, type ProgrammePlan } from '../../../shared/care/adherence.ts';
import { addDays, wallTimeInstant } from '../../../shared/time/zoned-time.ts';
import { type AppointmentSource, appointmentReminders } from './appointment-reminders.ts';

export type ReminderKind = 'medication' | 'vaccination' | 'exercise' | 'appointment';

export interface Reminder {
  readonly key: string;
  readonly kind: ReminderKind;
  /** The record it comes from (medication, vaccination, programme). */
  readonly recordId: string;
  /** What to show: the medication's name, the vaccine, the programme's title. */
  readonly title: string;
  readonly dueAt: number;
  /** Local time `HH:MM` for medications. */
  readonly time?: string;
  /** The day a vaccination is due. */
  readonly dueDate?: string;
  /** An appointment's start, where to go at the time, and this side of it. */
  readonly startsAt?: number;
  readonly link?: string;
  readonly role?: 'patient' | 'practitioner';
}

export interface ReminderSettings {
  /** Times of day per medication record id, `HH:MM`. */
  readonly medicationTimes: Readonly<Record<string, readonly string[]>>;
  /** When the exercise reminder comes, `HH:MM`; null turns it off. */
  readonly exerciseTime: string | null;
  /** Vaccinations due are reminded this many days ahead. */
  readonly vaccinationDaysAhead: number;
}

export interface ReminderMarks {
  /** Keys marked taken, skipped or done. */
  readonly closed: ReadonlySet<string>;
  /** Snoozed keys and until when. */
  readonly snoozed: ReadonlyMap<string, number>;
}

export interface ScheduleInput {
  readonly medications: readonly {
    id: string;
    name: string;
    startDate: string;
    stopDate?: string | undefined;
  }[];
  readonly vaccinations: readonly { id: string; vaccine: string; nextDue?: string | undefined }[];
  readonly programmes: readonly {
    id: string;
    title: string;
    plan: ProgrammePlan;
    sessions: readonly { date: string; status: 'done' | 'partly' | 'skipped' }[];
  }[];
  /** Accepted appointments still to come (the account's, whatever the profile). */
  readonly appointments?: readonly AppointmentSource[];
}

export const DEFAULT_SETTINGS: ReminderSettings = {
  medicationTimes: {},
  exerciseTime: '18:00',
  vaccinationDaysAhead: 14,
};

/** The hour a vaccination reminder comes on the day (and the days before) it is due. */
const VACCINATION_TIME = '09:00';

/**
 * Every reminder open at `now` (due, or missed today or yesterday), plus those due later today,
 * oldest first. Closed ones are left out, snoozed ones until their snooze ends.
 */
export function reminders(
  input: ScheduleInput,
  settings: ReminderSettings,
  marks: ReminderMarks,
  now: number,
  today: string,
  timeZone: string,
): Reminder[] {
  const out: Reminder[] = [];
  const yesterday = addDays(today, -1);
  for (const med of input.medications) {
    for (const day of [yesterday, today]) {
      if (day < med.startDate || (med.stopDate !== undefined && day > med.stopDate)) continue;
      for (const time of settings.medicationTimes[med.id] ?? []) {
        out.push({
          key: `med:${med.id}:${day}:${time}`,
          kind: 'medication',
          recordId: med.id,
          title: med.name,
          dueAt: wallTimeInstant(day, time, timeZone),
          time,
        });
      }
    }
  }
  for (const vax of input.vaccinations) {
    if (!vax.nextDue) continue;
    // Shown from some days ahead, and kept until marked done.
    if (addDays(today, settings.vaccinationDaysAhead) < vax.nextDue) continue;
    out.push({
      key: `vax:${vax.id}:${vax.nextDue}`,
      kind: 'vaccination',
      recordId: vax.id,
      title: vax.vaccine,
      // Reminded once, when it enters the window; listed until marked done.
      dueAt: wallTimeInstant(
        addDays(vax.nextDue, -settings.vaccinationDaysAhead),
        VACCINATION_TIME,
        timeZone,
      ),
      dueDate: vax.nextDue,
    });
  }
  if (settings.exerciseTime !== null) {
    for (const p of input.programmes) {
      const a = adherence(p.plan, p.sessions, today);
      const week = a.thisWeek;
      if (a.status !== 'running' || week.expected === null) continue;
      if (week.done + week.partly >= week.expected) continue;
      if (p.sessions.some((s) => s.date === today)) continue;
      out.push({
        key: `ex:${p.id}:${today}`,
        kind: 'exercise',
        recordId: p.id,
        title: p.title,
        dueAt: wallTimeInstant(today, settings.exerciseTime, timeZone),
      });
    }
  }
  for (const a of appointmentReminders(input.appointments ?? [], now, timeZone)) {
    out.push({ ...a, kind: 'appointment' });
  }
  return out
    .filter((r) => !marks.closed.has(r.key) && (marks.snoozed.get(r.key) ?? 0) <= now)
    .sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key));
}

/** At most this many separate notifications at once; beyond, one summary. */
export const MAX_NOTIFICATIONS = 3;

/**
 * What to notify after a check at `now`, when the previous one was at `since`: the reminders that
 * fell due in between (a device off or asleep catches up here), or that a snooze released.
 */
export function toNotify(
  open: readonly Reminder[],
  since: number,
  now: number,
  snoozedUntil: ReadonlyMap<string, number>,
): { each: Reminder[]; summary: number } {
  const fresh = open.filter((r) => {
    const at = Math.max(r.dueAt, snoozedUntil.get(r.key) ?? 0);
    return at > since && at <= now;
  });
  return fresh.length > MAX_NOTIFICATIONS ? { each: [], summary: fresh.length } : { each: fresh, summary: 0 };
}
