/** The appointment methods of the Store contract (appointment-store.ts), run on SQLite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AppointmentRecord } from './appointment-store.ts';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

const id = () => randomBytes(16).toString('base64url');
const SLOT = NOW + 86_400_000;

function appointment(practitionerId: string, patientId: string, startsAt: number | null): AppointmentRecord {
  return {
    id: id(),
    practitionerId,
    patientId,
    startsAt,
    durationMinutes: 30,
    status: 'requested',
    proposedBy: 'patient',
    sealedPractitioner: 'sealed-for-practitioner',
    sealedPatient: 'sealed-for-patient',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export function appointmentContract(current: () => Store, newAccount: () => Promise<string>): void {
  it('appointments: availability is stored per account and replaced', async () => {
    const store = current();
    const doctor = await newAccount();
    expect(await store.getAvailability(doctor)).toBeNull();
    await store.putAvailability(doctor, '{"v":1}', NOW);
    await store.putAvailability(doctor, '{"v":2}', NOW + 1);
    expect(await store.getAvailability(doctor)).toBe('{"v":2}');
  });

  it('appointments: two patients racing for one slot — exactly one gets it', async () => {
    const store = current();
    const doctor = await newAccount();
    const [alice, bob] = [await newAccount(), await newAccount()];
    const outcomes = await Promise.all([
      store.createAppointment(appointment(doctor, alice, SLOT)),
      store.createAppointment(appointment(doctor, bob, SLOT)),
    ]);
    expect([...outcomes].sort()).toEqual(['created', 'slot-taken']);
    expect(await store.takenStarts(doctor, NOW)).toEqual([SLOT]);
    // Many at once: still one.
    const many = await Promise.all(
      Array.from({ length: 8 }, async () =>
        store.createAppointment(appointment(doctor, await newAccount(), SLOT + 1_800_000)),
      ),
    );
    expect(many.filter((o) => o === 'created')).toHaveLength(1);
    expect(many.filter((o) => o === 'slot-taken')).toHaveLength(7);
  });

  it('appointments: a retried id is told apart, "as soon as possible" takes no slot, another practitioner is free', async () => {
    const store = current();
    const [doctor, other, patient] = [await newAccount(), await newAccount(), await newAccount()];
    const first = appointment(doctor, patient, SLOT);
    expect(await store.createAppointment(first)).toBe('created');
    expect(await store.createAppointment({ ...first, startsAt: SLOT + 3_600_000 })).toBe('id-taken');
    expect(await store.createAppointment(appointment(doctor, patient, null))).toBe('created');
    expect(await store.createAppointment(appointment(doctor, patient, null))).toBe('created');
    expect(await store.createAppointment(appointment(other, patient, SLOT))).toBe('created');
    expect(await store.countLiveForPatient(patient, NOW)).toBe(4);
    expect(await store.getAppointment(first.id)).toEqual(first);
  });

  it('appointments: a declined or cancelled slot is free again; updates are conditional', async () => {
    const store = current();
    const [doctor, alice, bob] = [await newAccount(), await newAccount(), await newAccount()];
    const a = appointment(doctor, alice, SLOT);
    await store.createAppointment(a);
    const stale = await store.updateAppointment(a.id, NOW - 1, {
      status: 'cancelled',
      startsAt: SLOT,
      proposedBy: 'patient',
      updatedAt: NOW + 5,
    });
    expect(stale).toBe('stale');
    expect(
      await store.updateAppointment(a.id, NOW, {
        status: 'cancelled',
        startsAt: SLOT,
        proposedBy: 'patient',
        updatedAt: NOW + 5,
      }),
    ).toBe('changed');
    const b = appointment(doctor, bob, SLOT);
    expect(await store.createAppointment(b)).toBe('created');
    // Moving another live appointment onto b's start is refused.
    const c = appointment(doctor, alice, SLOT + 3_600_000);
    await store.createAppointment(c);
    expect(
      await store.updateAppointment(c.id, NOW, {
        status: 'proposed',
        startsAt: SLOT,
        proposedBy: 'practitioner',
        updatedAt: NOW + 6,
      }),
    ).toBe('slot-taken');
    expect((await store.getAppointment(c.id))?.startsAt).toBe(SLOT + 3_600_000);
  });

  it('appointments: each side lists its own; deleting an account deletes its appointments', async () => {
    const store = current();
    const [doctor, patient, stranger] = [await newAccount(), await newAccount(), await newAccount()];
    const a = appointment(doctor, patient, SLOT);
    await store.createAppointment(a);
    expect((await store.listAppointments(doctor, NOW)).map((x) => x.id)).toEqual([a.id]);
    expect((await store.listAppointments(patient, NOW)).map((x) => x.id)).toEqual([a.id]);
    expect(await store.listAppointments(stranger, NOW)).toEqual([]);
    await store.updateAppointment(a.id, NOW, {
      status: 'declined',
      startsAt: SLOT,
      proposedBy: 'patient',
      updatedAt: NOW + 1,
    });
    expect(await store.listAppointments(patient, NOW + 2)).toEqual([]);
    expect(await store.listAppointments(patient, NOW)).toHaveLength(1);
    await store.deleteAccount(patient);
    expect(await store.getAppointment(a.id)).toBeNull();
  });
}
