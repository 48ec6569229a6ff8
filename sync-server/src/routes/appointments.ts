/**
 * `/api/appointments` (docs/architecture.md §10.4): a practitioner publishes availability; a patient
 * requests one of its free slots, or "as soon as possible"; either side accepts, proposes another
 * time, declines or cancels. The server sees two account ids, a time and a state; the reason and
 * the profile travel sealed (`forPractitioner`, `forPatient`) and are stored as they come.
 *
 * Rules, all decided here: only an account with a practitioner profile publishes availability; a
 * patient may request only from a practitioner with availability, only one of its slots (or, if it
 * allows, as soon as possible), within the booking horizon, and holds at most
 * PATIENT_LIVE_APPOINTMENTS_MAX live appointments; the side that did not make the current proposal
 * accepts or declines it; either side cancels or proposes another time (the practitioner any
 * future minute, the patient one of the slots). The store refuses a live appointment overlapping
 * another of the same practitioner, whatever their lengths (409 `slot-taken`), whoever wins the race. An appointment the caller is
 * not part of does not exist for it (404).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { busyStarts, isSlotStart } from '../../../shared/appointments/slots.ts';
import {
  type AppointmentAction,
  type AppointmentList,
  type AppointmentStatus,
  type AppointmentView,
  type Availability,
  type AvailabilityResponse,
  appointmentActionSchema,
  appointmentIdSchema,
  availabilitySchema,
  BOOKING_HORIZON_DAYS,
  createAppointmentRequestSchema,
  LIVE_STATUSES,
  PATIENT_LIVE_APPOINTMENTS_MAX,
} from '../../../shared/protocol/appointments.ts';
import { accountIdSchema } from '../../../shared/protocol/messages.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { AppointmentRecord } from '../store/appointment-store.ts';
import type { Store } from '../store/store.ts';
import type { ApiDeps } from './deps.ts';
import { findPractitioner } from './practitioners.ts';

const DAY_MS = 86_400_000;
/** Ended appointments stay listed this long, so both sides see a decline or a cancellation. */
const RECENT_MS = 30 * DAY_MS;

const noSuchAppointment = () => new ApiError(404, 'not-found', 'No such appointment');

async function availabilityOf(store: Store, accountId: string): Promise<Availability | null> {
  const json = await store.getAvailability(accountId);
  if (!json) return null;
  const parsed = availabilitySchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function paramId(c: Context, name: string, schema: typeof appointmentIdSchema): string {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw noSuchAppointment();
  return parsed.data;
}

/** What the caller may do next, or the error that says why not. */
export function nextState(
  a: AppointmentRecord,
  side: 'patient' | 'practitioner',
  action: AppointmentAction,
): { status: AppointmentStatus; startsAt: number | null; proposedBy: 'patient' | 'practitioner' } {
  const live = LIVE_STATUSES.includes(a.status);
  if (!live) throw new ApiError(409, 'conflict', `The appointment is ${a.status}`);
  switch (action.action) {
    case 'cancel':
      return { status: 'cancelled', startsAt: a.startsAt, proposedBy: a.proposedBy };
    case 'propose':
      return { status: 'proposed', startsAt: action.startsAt, proposedBy: side };
    case 'accept':
    case 'decline': {
      if (a.status === 'accepted') throw new ApiError(409, 'conflict', 'The appointment is already accepted');
      if (a.proposedBy === side) throw new ApiError(409, 'conflict', 'The other side answers this proposal');
      if (action.action === 'accept' && a.startsAt === null) {
        throw new ApiError(409, 'conflict', 'Propose a time to accept a request for as soon as possible');
      }
      return {
        status: action.action === 'accept' ? 'accepted' : 'declined',
        startsAt: a.startsAt,
        proposedBy: a.proposedBy,
      };
    }
  }
}

export function appointmentRoutes(deps: ApiDeps) {
  const { store, now, callTokens } = deps;

  /** Starts no longer free: slots overlapping a live appointment of any length (§10.4). */
  async function takenStarts(accountId: string, availability: Availability): Promise<number[]> {
    const at = now();
    const busy = await store.busyRanges(accountId, at);
    return busyStarts(availability, busy, at, at + BOOKING_HORIZON_DAYS * DAY_MS);
  }

  async function view(a: AppointmentRecord, accountId: string): Promise<AppointmentView> {
    const role = a.practitionerId === accountId ? 'practitioner' : 'patient';
    const practitioner = await findPractitioner(store, a.practitionerId);
    return {
      id: a.id,
      role,
      practitionerId: a.practitionerId,
      patientId: a.patientId,
      practitionerName: practitioner?.name ?? '',
      rateCents: practitioner?.rateCents ?? null,
      startsAt: a.startsAt,
      durationMinutes: a.durationMinutes,
      status: a.status,
      proposedBy: a.proposedBy,
      sealed: role === 'practitioner' ? a.sealedPractitioner : a.sealedPatient,
      roomCode: role === 'patient' && a.status === 'accepted' ? callTokens.roomCode(a.practitionerId) : null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }

  /** A patient's time must be one of the practitioner's slots, ahead and within the horizon. */
  async function checkPatientTime(practitionerId: string, startsAt: number | null): Promise<Availability> {
    const availability = await availabilityOf(store, practitionerId);
    if (!availability) throw new ApiError(404, 'not-found', 'This practitioner takes no appointments');
    const at = now();
    if (startsAt === null) {
      if (!availability.asap)
        throw new ApiError(400, 'not-a-slot', 'This practitioner takes no "as soon as possible" requests');
      return availability;
    }
    if (startsAt > at + BOOKING_HORIZON_DAYS * DAY_MS || !isSlotStart(availability, startsAt, at)) {
      throw new ApiError(400, 'not-a-slot', 'The time is not one of the practitioner’s slots');
    }
    return availability;
  }

  return new Hono()
    .use(requireSession(store, now))
    .put('/availability', jsonBody(availabilitySchema), async (c) => {
      const { accountId } = c.get('session');
      if (!(await findPractitioner(store, accountId))) {
        throw new ApiError(403, 'forbidden', 'Only a practitioner publishes availability');
      }
      await store.putAvailability(accountId, JSON.stringify(c.get('body')), now());
      return c.body(null, 204);
    })
    .get('/availability', async (c) => {
      const { accountId } = c.get('session');
      const availability = await availabilityOf(store, accountId);
      const taken = availability ? await takenStarts(accountId, availability) : [];
      return c.json<AvailabilityResponse>({ availability, taken });
    })
    .all('/availability', methodNotAllowed('GET', 'PUT'))
    .get('/availability/:accountId', async (c) => {
      const parsed = accountIdSchema.safeParse(c.req.param('accountId'));
      if (!parsed.success) throw new ApiError(404, 'not-found', 'No such practitioner');
      const availability = (await findPractitioner(store, parsed.data))
        ? await availabilityOf(store, parsed.data)
        : null;
      const taken = availability ? await takenStarts(parsed.data, availability) : [];
      return c.json<AvailabilityResponse>({ availability, taken });
    })
    .all('/availability/:accountId', methodNotAllowed('GET'))
    .post('/', jsonBody(createAppointmentRequestSchema), async (c) => {
      const { accountId } = c.get('session');
      const body = c.get('body');
      if (body.practitionerId === accountId)
        throw new ApiError(400, 'bad-request', 'One cannot book oneself');
      if (!(await findPractitioner(store, body.practitionerId))) {
        throw new ApiError(404, 'not-found', 'No such practitioner');
      }
      // A retried request finds its own appointment; any other id clash is a conflict.
      const existing = await store.getAppointment(body.id);
      if (existing) {
        if (existing.patientId === accountId && existing.sealedPatient === body.forPatient) {
          return c.json(await view(existing, accountId), 200);
        }
        throw new ApiError(409, 'conflict', 'Appointment id taken');
      }
      const availability = await checkPatientTime(body.practitionerId, body.startsAt);
      const at = now();
      if ((await store.countLiveForPatient(accountId, at)) >= PATIENT_LIVE_APPOINTMENTS_MAX) {
        throw new ApiError(
          429,
          'appointment-limit',
          `At most ${PATIENT_LIVE_APPOINTMENTS_MAX} appointments at once`,
        );
      }
      const record: AppointmentRecord = {
        id: body.id,
        practitionerId: body.practitionerId,
        patientId: accountId,
        startsAt: body.startsAt,
        durationMinutes: availability.slotMinutes,
        status: 'requested',
        proposedBy: 'patient',
        sealedPractitioner: body.forPractitioner,
        sealedPatient: body.forPatient,
        createdAt: at,
        updatedAt: at,
      };
      const outcome = await store.createAppointment(record);
      if (outcome === 'slot-taken') throw new ApiError(409, 'slot-taken', 'This time is no longer free');
      if (outcome === 'id-taken') throw new ApiError(409, 'conflict', 'Appointment id taken');
      return c.json(await view(record, accountId), 201);
    })
    .get('/', async (c) => {
      const { accountId } = c.get('session');
      const rows = await store.listAppointments(accountId, now() - RECENT_MS);
      return c.json<AppointmentList>({
        appointments: await Promise.all(rows.map((a) => view(a, accountId))),
      });
    })
    .all('/', methodNotAllowed('GET', 'POST'))
    .post('/:id/status', jsonBody(appointmentActionSchema), async (c) => {
      const { accountId } = c.get('session');
      const id = paramId(c, 'id', appointmentIdSchema);
      const found = await store.getAppointment(id);
      if (!found || (found.patientId !== accountId && found.practitionerId !== accountId))
        throw noSuchAppointment();
      const side = found.practitionerId === accountId ? 'practitioner' : 'patient';
      const action = c.get('body');
      const next = nextState(found, side, action);
      const at = now();
      if (action.action === 'propose') {
        if (side === 'patient') await checkPatientTime(found.practitionerId, action.startsAt);
        else if (
          action.startsAt <= at ||
          action.startsAt % 60_000 !== 0 ||
          action.startsAt > at + BOOKING_HORIZON_DAYS * DAY_MS
        ) {
          throw new ApiError(400, 'not-a-slot', 'Propose a whole minute ahead, within the booking horizon');
        }
      }
      const updatedAt = Math.max(at, found.updatedAt + 1);
      const outcome = await store.updateAppointment(id, found.updatedAt, { ...next, updatedAt });
      if (outcome === 'slot-taken') throw new ApiError(409, 'slot-taken', 'This time is no longer free');
      if (outcome === 'stale')
        throw new ApiError(409, 'conflict', 'The appointment changed meanwhile; reload it');
      return c.json(await view({ ...found, ...next, updatedAt }, accountId));
    })
    .all('/:id/status', methodNotAllowed('POST'));
}
