/** SQLite implementation of the appointment methods of the Store (appointment-store.ts). */
import type Database from 'better-sqlite3';
import {
  APPOINTMENT_SQL,
  type AppointmentChange,
  type AppointmentRecord,
  type AppointmentRow,
  type AppointmentStore,
  type CreateAppointmentOutcome,
  holdsTime,
  insertParams,
  overlapParams,
  toAppointment,
  type UpdateAppointmentOutcome,
} from './appointment-store.ts';

function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  return String(error.code).startsWith('SQLITE_CONSTRAINT') ? error.message : null;
}

/** The loser of a race for a slot, told apart from a retried id by the constraint's columns. */
function slotConstraint(message: string): boolean {
  return message.includes('appointments.starts_at');
}

export function sqliteAppointmentStore(db: Database.Database): AppointmentStore {
  const q = Object.fromEntries(
    Object.entries(APPOINTMENT_SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof APPOINTMENT_SQL, Database.Statement>;

  const overlaps = (practitionerId: string, id: string, startsAt: number, minutes: number) =>
    q.overlap.get(...overlapParams(practitionerId, id, startsAt, minutes)) !== undefined;
  // Check and write in one BEGIN IMMEDIATE transaction: the write lock is taken before the check, so
  // no other connection (or process) can write an overlapping appointment in between.
  const createTx = db.transaction((a: AppointmentRecord): CreateAppointmentOutcome => {
    if (a.startsAt !== null && overlaps(a.practitionerId, a.id, a.startsAt, a.durationMinutes))
      return 'slot-taken';
    q.insert.run(...insertParams(a));
    return 'created';
  });
  const updateTx = db.transaction(
    (id: string, expectedUpdatedAt: number, change: AppointmentChange): UpdateAppointmentOutcome => {
      if (holdsTime(change)) {
        const row = q.byId.get(id) as AppointmentRow | undefined;
        if (!row) return 'stale';
        const current = toAppointment(row);
        if (overlaps(current.practitionerId, id, change.startsAt as number, current.durationMinutes)) {
          return 'slot-taken';
        }
      }
      const result = q.update.run(
        change.status,
        change.startsAt,
        change.proposedBy,
        change.updatedAt,
        id,
        expectedUpdatedAt,
      );
      return result.changes === 1 ? 'changed' : 'stale';
    },
  );

  return {
    async putAvailability(accountId, availabilityJson, now) {
      q.putAvailability.run(accountId, availabilityJson, now);
    },
    async getAvailability(accountId) {
      const row = q.getAvailability.get(accountId) as { availability: string } | undefined;
      return row?.availability ?? null;
    },
    async createAppointment(appointment) {
      try {
        return createTx.immediate(appointment);
      } catch (error) {
        const message = uniqueViolation(error);
        if (message === null) throw error;
        return slotConstraint(message) ? 'slot-taken' : 'id-taken';
      }
    },
    async getAppointment(id) {
      const row = q.byId.get(id) as AppointmentRow | undefined;
      return row ? toAppointment(row) : null;
    },
    async listAppointments(accountId, since) {
      return (q.list.all(accountId, accountId, since) as AppointmentRow[]).map(toAppointment);
    },
    async takenStarts(practitionerId, from) {
      return (q.taken.all(practitionerId, from) as { starts_at: number }[]).map((r) => Number(r.starts_at));
    },
    async busyRanges(practitionerId, from) {
      return (q.busy.all(practitionerId, from) as { starts_at: number; ends_at: number }[]).map((r) => ({
        start: Number(r.starts_at),
        end: Number(r.ends_at),
      }));
    },
    async countLiveForPatient(patientId, from) {
      return Number((q.countLive.get(patientId, from) as { n: number }).n);
    },
    async updateAppointment(id, expectedUpdatedAt, change) {
      try {
        return updateTx.immediate(id, expectedUpdatedAt, change);
      } catch (error) {
        if (uniqueViolation(error) === null) throw error;
        return 'slot-taken';
      }
    },
  };
}
