/** PostgreSQL implementation of the appointment methods of the Store (appointment-store.ts). */
import type pg from 'pg';
import {
  APPOINTMENT_SQL,
  type AppointmentRow,
  type AppointmentStore,
  insertParams,
  toAppointment,
} from './appointment-store.ts';
import { dialect } from './message-store.ts';

const SQL = Object.fromEntries(
  Object.entries(APPOINTMENT_SQL).map(([name, sql]) => [name, dialect(sql, 'postgres')]),
) as Record<keyof typeof APPOINTMENT_SQL, string>;

function uniqueViolation(error: unknown): { constraint: string } | null {
  if (!(error instanceof Error) || !('code' in error) || error.code !== '23505') return null;
  return { constraint: 'constraint' in error ? String(error.constraint) : '' };
}

export function postgresAppointmentStore(pool: pg.Pool): AppointmentStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<R>(sql, params)).rows;

  return {
    async putAvailability(accountId, availabilityJson, now) {
      await pool.query(SQL.putAvailability, [accountId, availabilityJson, now]);
    },
    async getAvailability(accountId) {
      const [row] = await rows<{ availability: string }>(SQL.getAvailability, [accountId]);
      return row?.availability ?? null;
    },
    async createAppointment(appointment) {
      try {
        await pool.query(SQL.insert, insertParams(appointment));
        return 'created';
      } catch (error) {
        const violation = uniqueViolation(error);
        if (!violation) throw error;
        return violation.constraint === 'appointments_one_per_slot' ? 'slot-taken' : 'id-taken';
      }
    },
    async getAppointment(id) {
      const [row] = await rows<AppointmentRow>(SQL.byId, [id]);
      return row ? toAppointment(row) : null;
    },
    async listAppointments(accountId, since) {
      return (await rows<AppointmentRow>(SQL.list, [accountId, accountId, since])).map(toAppointment);
    },
    async takenStarts(practitionerId, from) {
      return (await rows<{ starts_at: string }>(SQL.taken, [practitionerId, from])).map((r) =>
        Number(r.starts_at),
      );
    },
    async countLiveForPatient(patientId, from) {
      const [row] = await rows<{ n: string }>(SQL.countLive, [patientId, from]);
      return Number(row?.n ?? 0);
    },
    async updateAppointment(id, expectedUpdatedAt, change) {
      try {
        const result = await pool.query(SQL.update, [
          change.status,
          change.startsAt,
          change.proposedBy,
          change.updatedAt,
          id,
          expectedUpdatedAt,
        ]);
        return result.rowCount === 1 ? 'changed' : 'stale';
      } catch (error) {
        if (!uniqueViolation(error)) throw error;
        return 'slot-taken';
      }
    },
  };
}
