/** SQLite implementation of the appointment methods of the Store (appointment-store.ts). */
import type Database from 'better-sqlite3';
import {
  APPOINTMENT_SQL,
  type AppointmentRow,
  type AppointmentStore,
  insertParams,
  toAppointment,
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
        q.insert.run(...insertParams(appointment));
        return 'created';
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
    async countLiveForPatient(patientId, from) {
      return Number((q.countLive.get(patientId, from) as { n: number }).n);
    },
    async updateAppointment(id, expectedUpdatedAt, change) {
      try {
        const result = q.update.run(
          change.status,
          change.startsAt,
          change.proposedBy,
          change.updatedAt,
          id,
          expectedUpdatedAt,
        );
        return result.changes === 1 ? 'changed' : 'stale';
      } catch (error) {
        if (uniqueViolation(error) === null) throw error;
        return 'slot-taken';
      }
    },
  };
}
