/**
 * Appointments as a service (docs/architecture.md §10.4), made by the app store on unlock with the
 * account's identity and dropped on lock. It seals a request's reason and profile name for the
 * practitioner's X25519 key (from the directory) and for the account's own, and opens this side's
 * copy of each listed appointment; a copy that does not open is shown as unreadable, never guessed.
 * Screens in features/appointments call it; they hold no keys and no crypto.
 *
 * Offline: nothing is queued. A request, an answer or a cancellation needs the server, which must
 * decide the race for a slot; the screen says it was not sent and keeps what was typed.
 */
import { type Accessor, createSignal } from 'solid-js';
import { freeSlots, type Slot } from '../../../shared/appointments/slots.ts';
import {
  type AppointmentRequest,
  openAppointmentRequest,
  sealAppointmentRequest,
} from '../../../shared/crypto/appointment-request.ts';
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import {
  type AppointmentAction,
  type AppointmentView,
  type Availability,
  BOOKING_HORIZON_DAYS,
} from '../../../shared/protocol/appointments.ts';
import type { Server } from '../server/server.ts';
import { MessagingProblem } from './messaging.ts';

export interface OpenedAppointment extends AppointmentView {
  /** This side's copy of the request, or null when it does not open (shown as unreadable). */
  readonly request: AppointmentRequest | null;
}

export interface PractitionerTarget {
  readonly accountId: string;
  readonly boxPublicKey: string;
}

export interface Appointments {
  /** Bumped by every change this device makes: screens refetch when it moves. */
  readonly changes: Accessor<number>;
  availability(practitionerId: string): Promise<{ availability: Availability | null; slots: Slot[] }>;
  /** This account's published availability, or null. */
  mine(): Promise<Availability | null>;
  /**
   * Publishes the availability and, on the listing, marks the practitioner as taking calls at
   * `rateCents` (the rate their waiting room bills), so patients see it before booking.
   */
  publish(availability: Availability, rateCents: number): Promise<void>;
  request(
    practitioner: PractitionerTarget,
    startsAt: number | null,
    request: AppointmentRequest,
  ): Promise<OpenedAppointment>;
  list(): Promise<OpenedAppointment[]>;
  act(id: string, action: AppointmentAction): Promise<OpenedAppointment>;
}

export interface AppointmentsDeps {
  server(): Server | null;
  readonly identity: Identity;
  now(): number;
}

const DAY_MS = 86_400_000;

export function createAppointments(deps: AppointmentsDeps): Appointments {
  const [changes, setChanges] = createSignal(0);
  const bump = () => setChanges((n) => n + 1);
  const server = (): Server => {
    const current = deps.server();
    if (!current) throw new MessagingProblem('sync-off');
    return current;
  };

  function opened(view: AppointmentView): OpenedAppointment {
    let request: AppointmentRequest | null = null;
    try {
      request = openAppointmentRequest(view.id, view.sealed, deps.identity.box);
    } catch {
      request = null;
    }
    return { ...view, request };
  }

  return {
    changes,
    async availability(practitionerId) {
      const answer = await server().appointments.availability(practitionerId);
      if (!answer.availability) return { availability: null, slots: [] };
      const from = deps.now();
      const slots = freeSlots(
        answer.availability,
        from,
        from + BOOKING_HORIZON_DAYS * DAY_MS,
        new Set(answer.taken),
      );
      return { availability: answer.availability, slots };
    },
    async mine() {
      return (await server().appointments.myAvailability()).availability;
    },
    async publish(availability, rateCents) {
      const current = server();
      await current.appointments.putAvailability(availability);
      const listing = await current.practitioners.practitioner();
      if (listing) {
        const profile = listing.profile;
        const accepts = { messages: false, secondOpinions: false, ...profile.accepts, calls: true };
        await current.practitioners.putPractitioner({ ...profile, accepts, rateCents });
      }
      bump();
    },
    async request(practitioner, startsAt, request) {
      const id = randomId();
      const body = {
        id,
        practitionerId: practitioner.accountId,
        startsAt,
        forPractitioner: sealAppointmentRequest(
          id,
          request,
          fromBase64(practitioner.boxPublicKey, 'box key'),
        ),
        forPatient: sealAppointmentRequest(id, request, deps.identity.box.publicKey),
      };
      const view = await server().appointments.request(body);
      bump();
      return opened(view);
    },
    async list() {
      const answer = await server().appointments.list();
      return answer.appointments.map(opened);
    },
    async act(id, action) {
      const view = await server().appointments.act(id, action);
      bump();
      return opened(view);
    },
  };
}
