/**
 * Appointments between a patient and a practitioner (docs/architecture.md §10.4):
 * `/api/appointments`. The practitioner's availability (weekly windows, exceptions, slot length,
 * time zone) is PUBLIC, part of their listing. An appointment row tells the server only that two
 * accounts meet at a time, and its state; the reason and the profile it is for are sealed on the
 * patient's device for the practitioner's X25519 key and for the patient's own
 * (shared/crypto/appointment-request.ts), so the server stores two opaque texts.
 *
 * Invariants: one practitioner never has two live appointments (requested, proposed or accepted)
 * starting at the same instant — a unique index (migration 14) decides races on both stores; a
 * patient's requested time must be one of the practitioner's free slots.
 */

import { z } from '../schema/zod.ts';
import { isTimeZone } from '../time/zoned-time.ts';
import { base64urlField } from './keyring.ts';
import { accountIdSchema } from './messages.ts';

export const SLOT_MINUTES_MIN = 10;
export const SLOT_MINUTES_MAX = 120;
/** How far ahead a patient may book, and how far the free slots are listed. */
export const BOOKING_HORIZON_DAYS = 60;
/** Live appointments (requested, proposed, accepted, still to come) a patient may hold at once. */
export const PATIENT_LIVE_APPOINTMENTS_MAX = 10;
export const APPOINTMENT_ERROR_REASONS = [
  /** Someone else holds that start (the race for a slot was lost). */
  'slot-taken',
  /** The time is not one of the practitioner's slots (or "as soon as possible" is not offered). */
  'not-a-slot',
  /** The patient holds PATIENT_LIVE_APPOINTMENTS_MAX live appointments. */
  'appointment-limit',
] as const;

/** A sealed request: a short reason and a name, sealed (crypto_box_seal) and in base64url. */
export const SEALED_REQUEST_MAX = 4_096;

const clock = (label: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a time as HH:MM`);

const ordered = { path: ['end'], message: 'End must be after start' };
const windowSchema = z
  .strictObject({ start: clock('Start'), end: clock('End') })
  .refine((w) => w.start < w.end, ordered);
const weeklyWindowSchema = z
  .strictObject({ day: z.int('Day must be 1 to 7').min(1).max(7), start: clock('Start'), end: clock('End') })
  .refine((w) => w.start < w.end, ordered);

export const availabilitySchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, 'Time zone must be a known time zone such as Europe/Paris'),
  slotMinutes: z
    .int('Slot length must be a whole number of minutes')
    .min(SLOT_MINUTES_MIN, `Slot length must be between ${SLOT_MINUTES_MIN} and ${SLOT_MINUTES_MAX} minutes`)
    .max(SLOT_MINUTES_MAX, `Slot length must be between ${SLOT_MINUTES_MIN} and ${SLOT_MINUTES_MAX} minutes`),
  /** Weekly windows; `day` is the ISO weekday, Monday 1 to Sunday 7. */
  weekly: z.array(weeklyWindowSchema).max(70, 'At most 70 weekly windows'),
  /** Days that differ from the week: no window means closed that day. */
  exceptions: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD'),
        windows: z.array(windowSchema).max(10, 'At most 10 windows a day'),
      }),
    )
    .max(200, 'At most 200 exceptions'),
  /** Accepts requests for "as soon as possible", without a slot. */
  asap: z.boolean(),
});
export type Availability = z.infer<typeof availabilitySchema>;
export type AvailabilityWindow = z.infer<typeof windowSchema>;
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;

export const availabilityResponseSchema = z.strictObject({
  availability: availabilitySchema.nullable(),
  /** Starts of the practitioner's live appointments from now on: slots no longer free. */
  taken: z.array(z.int()),
});
export type AvailabilityResponse = z.infer<typeof availabilityResponseSchema>;

export const appointmentIdSchema = base64urlField('Appointment id', { exact: 22 });
const sealed = (label: string) => base64urlField(label, { max: SEALED_REQUEST_MAX });
const instant = z.int('Time must be a whole number of milliseconds').min(0).max(8_640_000_000_000_000);

export const createAppointmentRequestSchema = z.strictObject({
  id: appointmentIdSchema,
  practitionerId: accountIdSchema,
  /** A free slot's start, or null for "as soon as possible". */
  startsAt: instant.nullable(),
  forPractitioner: sealed('Sealed request for the practitioner'),
  forPatient: sealed('Sealed request for the patient'),
});
export type CreateAppointmentRequest = z.infer<typeof createAppointmentRequestSchema>;

export const APPOINTMENT_STATUSES = ['requested', 'proposed', 'accepted', 'declined', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const LIVE_STATUSES: readonly AppointmentStatus[] = ['requested', 'proposed', 'accepted'];

export const appointmentActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('decline') }),
  z.strictObject({ action: z.literal('cancel') }),
  /** Another time (a counter-proposal, or a reschedule of an accepted appointment). */
  z.strictObject({ action: z.literal('propose'), startsAt: instant }),
]);
export type AppointmentAction = z.infer<typeof appointmentActionSchema>;

export const appointmentViewSchema = z.strictObject({
  id: appointmentIdSchema,
  role: z.enum(['patient', 'practitioner']),
  practitionerId: accountIdSchema,
  patientId: accountIdSchema,
  /** The practitioner's self-declared name (public on their listing). */
  practitionerName: z.string(),
  /** The practitioner's announced rate, euro cents an hour (from their listing), or null. */
  rateCents: z.int().nullable(),
  startsAt: z.int().nullable(),
  durationMinutes: z.int(),
  status: z.enum(APPOINTMENT_STATUSES),
  /** Who made the current time's proposal: the other side accepts or declines it. */
  proposedBy: z.enum(['patient', 'practitioner']),
  /** This side's sealed copy of the request. */
  sealed: z.string(),
  /** The practitioner's waiting-room code, for the patient of an accepted appointment. */
  roomCode: z.string().nullable(),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const appointmentListSchema = z.strictObject({ appointments: z.array(appointmentViewSchema) });
export type AppointmentList = z.infer<typeof appointmentListSchema>;
