/**
 * Storage of appointments and practitioners' availability (docs/architecture.md §10.4), part of the
 * `Store` interface, with one SQLite and one PostgreSQL implementation run through the same contract
 * suite (appointments.contract.ts). Both run the SQL below (question-mark parameters, renumbered
 * for PostgreSQL by `dialect`).
 *
 * What is kept: the availability JSON (public), and per appointment the two accounts, the start
 * (null for "as soon as possible"), its length, its state and who proposed the time, and two sealed
 * copies of the request the server cannot open. No two live appointments of a practitioner overlap
 * ([start, start + length), lengths may differ): an insert or a move checks for an overlap and writes
 * in one transaction that holds the practitioner's lock (SQLite: BEGIN IMMEDIATE, one writer at a
 * time; PostgreSQL: a transaction-scoped advisory lock keyed by the practitioner), so of two
 * overlapping requests racing, exactly one is written and the other gets `slot-taken`. The partial
 * unique index of migration 14 (`appointments_one_per_slot`, same start) stays as a second guard.
 * Deleting either account deletes its appointments (ON DELETE CASCADE).
 */
import type { AppointmentStatus } from '../../../shared/protocol/appointments.ts';

export interface AppointmentRecord {
  readonly id: string;
  readonly practitionerId: string;
  readonly patientId: string;
  readonly startsAt: number | null;
  readonly durationMinutes: number;
  readonly status: AppointmentStatus;
  readonly proposedBy: 'patient' | 'practitioner';
  readonly sealedPractitioner: string;
  readonly sealedPatient: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface BusyRange {
  readonly start: number;
  readonly end: number;
}

export type CreateAppointmentOutcome = 'created' | 'slot-taken' | 'id-taken';

export interface AppointmentChange {
  readonly status: AppointmentStatus;
  readonly startsAt: number | null;
  readonly proposedBy: 'patient' | 'practitioner';
  readonly updatedAt: number;
}

/** `changed`; `slot-taken` (the new start is someone else's); `stale` (it moved meanwhile). */
export type UpdateAppointmentOutcome = 'changed' | 'slot-taken' | 'stale';

export interface AppointmentStore {
  putAvailability(accountId: string, availabilityJson: string, now: number): Promise<void>;
  getAvailability(accountId: string): Promise<string | null>;
  createAppointment(appointment: AppointmentRecord): Promise<CreateAppointmentOutcome>;
  getAppointment(id: string): Promise<AppointmentRecord | null>;
  /** The account's appointments on either side, live ones and those changed since `since`. */
  listAppointments(accountId: string, since: number): Promise<AppointmentRecord[]>;
  /** Starts of the practitioner's live appointments at or after `from`. */
  takenStarts(practitionerId: string, from: number): Promise<number[]>;
  /** The practitioner's live appointments with a time that end after `from`, as [start, end) ranges. */
  busyRanges(practitionerId: string, from: number): Promise<BusyRange[]>;
  /** The patient's live appointments still to come (or with no time yet). */
  countLiveForPatient(patientId: string, from: number): Promise<number>;
  /** Applies `change` if the appointment is still at `expectedUpdatedAt`. */
  updateAppointment(
    id: string,
    expectedUpdatedAt: number,
    change: AppointmentChange,
  ): Promise<UpdateAppointmentOutcome>;
}

export const LIVE = "('requested', 'proposed', 'accepted')";

export const APPOINTMENT_SQL = {
  putAvailability: `INSERT INTO practitioner_availability (account_id, availability, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (account_id) DO UPDATE SET availability = excluded.availability, updated_at = excluded.updated_at`,
  getAvailability: 'SELECT availability FROM practitioner_availability WHERE account_id = ?',
  insert: `INSERT INTO appointments (id, practitioner_id, patient_id, starts_at, duration_minutes, status,
    proposed_by, sealed_practitioner, sealed_patient, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  byId: 'SELECT * FROM appointments WHERE id = ?',
  list: `SELECT * FROM appointments WHERE (practitioner_id = ? OR patient_id = ?)
    AND (status IN ${LIVE} OR updated_at >= ?) ORDER BY starts_at IS NULL, starts_at, created_at LIMIT 500`,
  taken: `SELECT starts_at FROM appointments WHERE practitioner_id = ? AND status IN ${LIVE}
    AND starts_at IS NOT NULL AND starts_at >= ? ORDER BY starts_at LIMIT 5000`,
  countLive: `SELECT COUNT(*) AS n FROM appointments WHERE patient_id = ? AND status IN ${LIVE}
    AND (starts_at IS NULL OR starts_at >= ?)`,
  busy: `SELECT starts_at, starts_at + duration_minutes * 60000 AS ends_at FROM appointments
    WHERE practitioner_id = ? AND status IN ${LIVE} AND starts_at IS NOT NULL
    AND starts_at + duration_minutes * 60000 > ? ORDER BY starts_at LIMIT 5000`,
  /** A live appointment of the practitioner, other than `id`, overlapping [start, end). */
  overlap: `SELECT id FROM appointments WHERE practitioner_id = ? AND id <> ? AND status IN ${LIVE}
    AND starts_at IS NOT NULL AND starts_at < ? AND starts_at + duration_minutes * 60000 > ? LIMIT 1`,
  update: `UPDATE appointments SET status = ?, starts_at = ?, proposed_by = ?, updated_at = ?
    WHERE id = ? AND updated_at = ?`,
} as const;

export interface AppointmentRow {
  id: string;
  practitioner_id: string;
  patient_id: string;
  starts_at: number | string | null;
  duration_minutes: number | string;
  status: string;
  proposed_by: string;
  sealed_practitioner: string;
  sealed_patient: string;
  created_at: number | string;
  updated_at: number | string;
}

/** Parameters of `overlap` for an appointment at `startsAt` lasting `durationMinutes`. */
export function overlapParams(
  practitionerId: string,
  id: string,
  startsAt: number,
  durationMinutes: number,
): unknown[] {
  return [practitionerId, id, startsAt + durationMinutes * 60_000, startsAt];
}

/** Whether a change leaves the appointment holding a time (so it must not overlap another). */
export function holdsTime(change: { status: AppointmentStatus; startsAt: number | null }): boolean {
  return change.startsAt !== null && ['requested', 'proposed', 'accepted'].includes(change.status);
}

export function toAppointment(row: AppointmentRow): AppointmentRecord {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    patientId: row.patient_id,
    startsAt: row.starts_at === null ? null : Number(row.starts_at),
    durationMinutes: Number(row.duration_minutes),
    status: row.status as AppointmentStatus,
    proposedBy: row.proposed_by === 'practitioner' ? 'practitioner' : 'patient',
    sealedPractitioner: row.sealed_practitioner,
    sealedPatient: row.sealed_patient,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function insertParams(a: AppointmentRecord): unknown[] {
  return [
    a.id,
    a.practitionerId,
    a.patientId,
    a.startsAt,
    a.durationMinutes,
    a.status,
    a.proposedBy,
    a.sealedPractitioner,
    a.sealedPatient,
    a.createdAt,
    a.updatedAt,
  ];
}
