/** PostgreSQL implementation of the appointment methods of the Store (appointment-store.ts). */
import type pg from 'pg';
import {
  APPOINTMENT_SQL,
  type AppointmentRow,
  type AppointmentStore,
  holdsTime,
  insertParams,
  overlapParams,
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

/** First key of the practitioner locks ("appt" in ASCII); the second is a hash of the account id. */
const APPOINTMENT_LOCK = 0x61707074;

/**
 * Runs `work` in a transaction holding the practitioner's advisory lock: every write that gives an
 * appointment a time takes it, so the overlap check and the write of one cannot interleave with
 * another's (READ COMMITTED: the check, run after the lock, sees what the previous holder committed).
 * A hash collision between two practitioners only makes them wait for each other.
 */
async function underPractitionerLock<T>(
  pool: pg.Pool,
  practitionerId: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [APPOINTMENT_LOCK, practitionerId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
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
        return await underPractitionerLock(pool, appointment.practitionerId, async (client) => {
          if (appointment.startsAt !== null) {
            const params = overlapParams(
              appointment.practitionerId,
              appointment.id,
              appointment.startsAt,
              appointment.durationMinutes,
            );
            if ((await client.query(SQL.overlap, params)).rows.length > 0) return 'slot-taken' as const;
          }
          await client.query(SQL.insert, insertParams(appointment));
          return 'created' as const;
        });
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
    async busyRanges(practitionerId, from) {
      return (await rows<{ starts_at: string; ends_at: string }>(SQL.busy, [practitionerId, from])).map(
        (r) => ({
          start: Number(r.starts_at),
          end: Number(r.ends_at),
        }),
      );
    },
    async countLiveForPatient(patientId, from) {
      const [row] = await rows<{ n: string }>(SQL.countLive, [patientId, from]);
      return Number(row?.n ?? 0);
    },
    async updateAppointment(id, expectedUpdatedAt, change) {
      const params = [
        change.status,
        change.startsAt,
        change.proposedBy,
        change.updatedAt,
        id,
        expectedUpdatedAt,
      ];
      try {
        if (!holdsTime(change)) {
          return (await pool.query(SQL.update, params)).rowCount === 1 ? 'changed' : 'stale';
        }
        // The practitioner and the length of an appointment never change: read them before the lock.
        const [row] = await rows<AppointmentRow>(SQL.byId, [id]);
        if (!row) return 'stale';
        const current = toAppointment(row);
        return await underPractitionerLock(pool, current.practitionerId, async (client) => {
          const overlap = overlapParams(
            current.practitionerId,
            id,
            change.startsAt as number,
            current.durationMinutes,
          );
          if ((await client.query(SQL.overlap, overlap)).rows.length > 0) return 'slot-taken' as const;
          return (await client.query(SQL.update, params)).rowCount === 1
            ? ('changed' as const)
            : ('stale' as const);
        });
      } catch (error) {
        if (!uniqueViolation(error)) throw error;
        return 'slot-taken';
      }
    },
  };
}
