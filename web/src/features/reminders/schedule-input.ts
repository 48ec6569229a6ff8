/** What the reminder schedule reads from the active profile's decrypted records. */
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import type { ScheduleInput } from '../../reminders/reminder-schedule.ts';
import { programmesOf, sessionsOf } from '../exercise/programmes.ts';

export function scheduleInput(entries: readonly RecordEntry[]): ScheduleInput {
  const today = localDate(Date.now(), deviceTimeZone());
  return {
    medications: entries.flatMap((e) =>
      e.record?.kind === 'medication' &&
      !e.record.asNeeded &&
      (e.record.stopDate === undefined || e.record.stopDate >= today)
        ? [{ id: e.id, name: e.record.name, startDate: e.record.startDate, stopDate: e.record.stopDate }]
        : [],
    ),
    vaccinations: entries.flatMap((e) =>
      e.record?.kind === 'vaccination' && e.record.nextDue
        ? [{ id: e.id, vaccine: e.record.vaccine, nextDue: e.record.nextDue }]
        : [],
    ),
    programmes: programmesOf(entries)
      .filter((p) => !p.replaced)
      .map((p) => ({
        id: p.id,
        title: p.entry.title,
        plan: p.plan,
        sessions: sessionsOf(entries, p.id).map((s) => s.session),
      })),
  };
}
