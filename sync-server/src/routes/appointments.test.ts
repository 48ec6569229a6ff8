/**
 * The appointment routes on SQLite and PostgreSQL: availability, requests, the race for one slot
 * through the API, the state machine, who may do what (an outsider gets 404, no session 401), and
 * malformed input (always 4xx, never 5xx). The server stores the sealed request as it came.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAppointmentRequest } from '../../../shared/crypto/appointment-request.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import type {
  AppointmentList,
  AppointmentView,
  Availability,
} from '../../../shared/protocol/appointments.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import { jsonInit } from '../testing/api-client.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { LISTED, type Person, person } from '../testing/thread-fixtures.ts';

/** Monday 5 January 2026, 07:00 UTC (08:00 in Paris). */
const NOW = Date.UTC(2026, 0, 5, 7, 0);
const NINE = Date.UTC(2026, 0, 5, 8, 0);
const HALF_PAST_NINE = Date.UTC(2026, 0, 5, 8, 30);

const AVAILABILITY: Availability = {
  timeZone: 'Europe/Paris',
  slotMinutes: 30,
  weekly: [{ day: 1, start: '09:00', end: '12:00' }],
  exceptions: [],
  asap: true,
};

function suite(name: string, openStore: () => Promise<Store | undefined>) {
  describe(`appointments: ${name}`, () => {
    let t: TestApp;
    let doctor: Person;
    let alice: Person;
    let bob: Person;
    let patientOnly: Person;

    const call = (method: string, path: string, who: Person | null, body?: unknown) =>
      t.fetcher(path, jsonInit(method, body, who?.token));

    function request(patient: Person, startsAt: number | null, id = randomId()) {
      return {
        id,
        practitionerId: doctor.accountId,
        startsAt,
        forPractitioner: sealAppointmentRequest(
          id,
          { reason: 'Knee pain', profileName: 'Alice' },
          doctor.identity.box.publicKey,
        ),
        forPatient: sealAppointmentRequest(
          id,
          { reason: 'Knee pain', profileName: 'Alice' },
          patient.identity.box.publicKey,
        ),
      };
    }

    beforeAll(async () => {
      const store = await openStore();
      t = await createTestApp({ ...(store ? { store } : {}), now: () => NOW });
      doctor = await person(t.fetcher, LISTED);
      alice = await person(t.fetcher);
      bob = await person(t.fetcher);
      patientOnly = await person(t.fetcher);
      expect((await call('PUT', '/api/appointments/availability', doctor, AVAILABILITY)).status).toBe(204);
    });
    afterAll(() => t.close());

    it('publishes availability for practitioners only, and shows it with the taken starts', async () => {
      expect((await call('PUT', '/api/appointments/availability', alice, AVAILABILITY)).status).toBe(403);
      const res = await call('GET', `/api/appointments/availability/${doctor.accountId}`, bob);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ availability: AVAILABILITY, taken: [] });
      const none = await call('GET', `/api/appointments/availability/${alice.accountId}`, bob);
      expect(await none.json()).toEqual({ availability: null, taken: [] });
      expect((await call('GET', `/api/appointments/availability/${doctor.accountId}`, null)).status).toBe(
        401,
      );
    });

    it('two patients racing for one slot through the API: one 201, one 409 slot-taken', async () => {
      const [a, b] = await Promise.all([
        call('POST', '/api/appointments', alice, request(alice, NINE)),
        call('POST', '/api/appointments', bob, request(bob, NINE)),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(((await loser.json()) as { error: { reason: string } }).error.reason).toBe('slot-taken');
      const res = await call('GET', `/api/appointments/availability/${doctor.accountId}`, patientOnly);
      expect(((await res.json()) as { taken: number[] }).taken).toEqual([NINE]);
    });

    it('walks the states: request, counter-proposal, accept; the room code only for an accepted patient', async () => {
      const body = request(alice, HALF_PAST_NINE);
      const created = await call('POST', '/api/appointments', alice, body);
      expect(created.status).toBe(201);
      const view = (await created.json()) as AppointmentView;
      expect(view).toMatchObject({
        role: 'patient',
        status: 'requested',
        sealed: body.forPatient,
        roomCode: null,
      });
      // A retry finds it (200), the practitioner's list shows its own sealed copy.
      expect((await call('POST', '/api/appointments', alice, body)).status).toBe(200);
      const list = (await (await call('GET', '/api/appointments', doctor)).json()) as AppointmentList;
      const mine = list.appointments.find((x) => x.id === body.id);
      expect(mine).toMatchObject({
        role: 'practitioner',
        sealed: body.forPractitioner,
        practitionerName: 'Dr Listed',
      });
      // The patient cannot accept its own request; the practitioner proposes 10:00 instead.
      const status = `/api/appointments/${body.id}/status`;
      expect((await call('POST', status, alice, { action: 'accept' })).status).toBe(409);
      const ten = Date.UTC(2026, 0, 5, 9, 0);
      const proposed = await call('POST', status, doctor, { action: 'propose', startsAt: ten });
      expect(await proposed.json()).toMatchObject({
        status: 'proposed',
        proposedBy: 'practitioner',
        startsAt: ten,
      });
      expect((await call('POST', status, doctor, { action: 'accept' })).status).toBe(409);
      const accepted = (await (
        await call('POST', status, alice, { action: 'accept' })
      ).json()) as AppointmentView;
      expect(accepted.status).toBe('accepted');
      const room = await call('POST', '/api/calls/token', doctor, { purpose: 'room' });
      expect(accepted.roomCode).toBe(((await room.json()) as { roomCode: string }).roomCode);
      // Cancel from the practitioner's side; the slot is free again; nothing more can change.
      expect((await call('POST', status, doctor, { action: 'cancel' })).status).toBe(200);
      expect((await call('POST', status, alice, { action: 'accept' })).status).toBe(409);
      expect((await call('POST', '/api/appointments', bob, request(bob, ten))).status).toBe(201);
    });

    it('as soon as possible: no slot taken, accepted only once a time is proposed', async () => {
      const body = request(bob, null);
      expect((await call('POST', '/api/appointments', bob, body)).status).toBe(201);
      const status = `/api/appointments/${body.id}/status`;
      expect((await call('POST', status, doctor, { action: 'accept' })).status).toBe(409);
      const at = Date.UTC(2026, 0, 5, 13, 17);
      expect((await call('POST', status, doctor, { action: 'propose', startsAt: at })).status).toBe(200);
      expect((await call('POST', status, bob, { action: 'decline' })).status).toBe(200);
    });

    it('refuses what is not a slot, in the past, or past the horizon', async () => {
      const quarter = Date.UTC(2026, 0, 5, 8, 15);
      const past = Date.UTC(2026, 0, 5, 6, 0);
      const far = Date.UTC(2026, 5, 1, 8, 0);
      for (const startsAt of [quarter, past, far]) {
        const res = await call('POST', '/api/appointments', patientOnly, request(patientOnly, startsAt));
        expect(res.status).toBe(400);
      }
      // A non-practitioner or oneself cannot be booked.
      const self = { ...request(doctor, Date.UTC(2026, 0, 5, 10, 0)) };
      expect((await call('POST', '/api/appointments', doctor, self)).status).toBe(400);
      const notPractitioner = { ...request(patientOnly, NINE), practitionerId: alice.accountId };
      expect((await call('POST', '/api/appointments', patientOnly, notPractitioner)).status).toBe(404);
    });

    it('an outsider cannot see or change an appointment (404), nor anyone without a session (401)', async () => {
      const body = request(alice, Date.UTC(2026, 0, 5, 10, 30));
      expect((await call('POST', '/api/appointments', alice, body)).status).toBe(201);
      const status = `/api/appointments/${body.id}/status`;
      for (const action of [{ action: 'cancel' }, { action: 'accept' }, { action: 'decline' }]) {
        expect((await call('POST', status, patientOnly, action)).status).toBe(404);
      }
      expect((await call('POST', status, null, { action: 'cancel' })).status).toBe(401);
      const theirs = (await (await call('GET', '/api/appointments', patientOnly)).json()) as AppointmentList;
      expect(theirs.appointments.map((a) => a.id)).not.toContain(body.id);
      const stored = await t.store.getAppointment(body.id);
      expect(stored?.status).toBe('requested');
    });

    it('refuses an appointment overlapping another of a different length (409), and lists the slots it blocks', async () => {
      // Monday 12 January: Alice holds 10:00–10:30 (Paris); then the slots become 45 minutes long.
      const local = (h: number, m = 0) => Date.UTC(2026, 0, 12, h - 1, m);
      expect((await call('POST', '/api/appointments', alice, request(alice, local(10)))).status).toBe(201);
      const longer = { ...AVAILABILITY, slotMinutes: 45 };
      expect((await call('PUT', '/api/appointments/availability', doctor, longer)).status).toBe(204);
      const shown = await call('GET', `/api/appointments/availability/${doctor.accountId}`, bob);
      const { taken } = (await shown.json()) as { taken: number[] };
      // 09:45–10:30 overlaps 10:00–10:30; 09:00 and 10:30 do not.
      expect(taken).toContain(local(9, 45));
      expect(taken).not.toContain(local(9));
      expect(taken).not.toContain(local(10, 30));
      const refused = await call('POST', '/api/appointments', bob, request(bob, local(9, 45)));
      expect(refused.status).toBe(409);
      expect(await refused.json()).toEqual({
        error: { reason: 'slot-taken', message: 'This time is no longer free' },
      });
      const next = request(bob, local(10, 30));
      expect((await call('POST', '/api/appointments', bob, next)).status).toBe(201);
      // The practitioner cannot move Bob's 45 minutes onto part of Alice's half hour either.
      const moved = await call('POST', `/api/appointments/${next.id}/status`, doctor, {
        action: 'propose',
        startsAt: local(9, 50),
      });
      expect(moved.status).toBe(409);
      expect(((await moved.json()) as { error: { reason: string } }).error.reason).toBe('slot-taken');
      expect((await t.store.getAppointment(next.id))?.startsAt).toBe(local(10, 30));
      expect((await call('PUT', '/api/appointments/availability', doctor, AVAILABILITY)).status).toBe(204);
    });

    it('malformed input is a 4xx, never a 5xx', async () => {
      const bad: [string, string, unknown][] = [
        ['PUT', '/api/appointments/availability', { ...AVAILABILITY, timeZone: 'Nowhere/Land' }],
        ['PUT', '/api/appointments/availability', { ...AVAILABILITY, slotMinutes: 1e9 }],
        [
          'PUT',
          '/api/appointments/availability',
          { ...AVAILABILITY, weekly: [{ day: 1, start: '25:00', end: '26:00' }] },
        ],
        ['PUT', '/api/appointments/availability', 'not an object'],
        ['POST', '/api/appointments', { ...request(alice, NINE), startsAt: -1 }],
        ['POST', '/api/appointments', { ...request(alice, NINE), startsAt: 1.5 }],
        ['POST', '/api/appointments', { ...request(alice, NINE), id: '../x' }],
        ['POST', '/api/appointments', { ...request(alice, NINE), forPractitioner: 'x'.repeat(10_000) }],
        ['POST', '/api/appointments', { ...request(alice, NINE), extra: 1 }],
        ['POST', '/api/appointments/not-an-id/status', { action: 'cancel' }],
        ['POST', `/api/appointments/${randomId()}/status`, { action: 'explode' }],
        ['POST', `/api/appointments/${randomId()}/status`, { action: 'propose', startsAt: 'soon' }],
        ['GET', '/api/appointments/availability/%00', undefined],
      ];
      for (const [method, path, body] of bad) {
        const res = await call(method, path, method === 'PUT' ? doctor : alice, body);
        expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
    });
  });
}

suite('SQLite', async () => undefined);

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
suite('PostgreSQL', async () => openPostgresStore((cluster as PostgresCluster).url));
