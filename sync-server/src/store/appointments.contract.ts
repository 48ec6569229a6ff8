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

  it('appointments: overlapping appointments of different lengths racing — exactly one is written', async () => {
    const store = current();
    const doctor = await newAccount();
    // 10:00–10:45 against 10:30–11:00: different starts, different lengths, overlapping.
    const long = { ...appointment(doctor, await newAccount(), SLOT), durationMinutes: 45 };
    const short = appointment(doctor, await newAccount(), SLOT + 30 * 60_000);
    const outcomes = await Promise.all([store.createAppointment(long), store.createAppointment(short)]);
    expect([...outcomes].sort()).toEqual(['created', 'slot-taken']);
    expect(await store.busyRanges(doctor, NOW)).toHaveLength(1);
    // Eight requests at staggered starts, every one overlapping every other: one written.
    const base = SLOT + 86_400_000;
    const many = await Promise.all(
      Array.from({ length: 8 }, async (_, i) =>
        store.createAppointment({
          ...appointment(doctor, await newAccount(), base + i * 5 * 60_000),
          durationMinutes: 60,
        }),
      ),
    );
    expect(many.filter((o) => o === 'created')).toHaveLength(1);
    expect(many.filter((o) => o === 'slot-taken')).toHaveLength(7);
    // Back to back is not an overlap; another practitioner is free; a cancelled one frees its time.
    const won = outcomes[0] === 'created' ? long : short;
    const lost = won === long ? short : long;
    const wonEnd = (won.startsAt ?? 0) + won.durationMinutes * 60_000;
    expect(await store.createAppointment(appointment(doctor, await newAccount(), wonEnd))).toBe('created');
    const elsewhere = appointment(await newAccount(), await newAccount(), SLOT + 30 * 60_000);
    expect(await store.createAppointment(elsewhere)).toBe('created');
    expect(await store.createAppointment({ ...lost, id: id() })).toBe('slot-taken');
    await store.updateAppointment(won.id, NOW, {
      status: 'cancelled',
      startsAt: won.startsAt,
      proposedBy: 'patient',
      updatedAt: NOW + 1,
    });
    expect(await store.createAppointment({ ...won, id: id(), patientId: lost.patientId })).toBe('created');
    expect(await store.busyRanges(doctor, NOW)).toHaveLength(3);
  });

  it('appointments: moving an appointment onto part of another is refused, racing moves leave one', async () => {
    const store = current();
    const doctor = await newAccount();
    const fixed = { ...appointment(doctor, await newAccount(), SLOT), durationMinutes: 60 };
    expect(await store.createAppointment(fixed)).toBe('created');
    const moving = appointment(doctor, await newAccount(), SLOT + 3 * 3_600_000);
    expect(await store.createAppointment(moving)).toBe('created');
    const move = (startsAt: number, updatedAt: number) => ({
      status: 'proposed' as const,
      startsAt,
      proposedBy: 'practitioner' as const,
      updatedAt,
    });
    // Into the middle of the hour: refused, and the appointment keeps its time.
    expect(await store.updateAppointment(moving.id, NOW, move(SLOT + 20 * 60_000, NOW + 1))).toBe(
      'slot-taken',
    );
    expect((await store.getAppointment(moving.id))?.startsAt).toBe(SLOT + 3 * 3_600_000);
    // Moving within its own time is not an overlap with itself.
    expect(
      await store.updateAppointment(moving.id, NOW, move(SLOT + 3 * 3_600_000 + 10 * 60_000, NOW + 2)),
    ).toBe('changed');
    // Two appointments moved at once onto overlapping times: one moves.
    const a = appointment(doctor, await newAccount(), SLOT + 6 * 3_600_000);
    const b = appointment(doctor, await newAccount(), SLOT + 7 * 3_600_000);
    await store.createAppointment(a);
    await store.createAppointment(b);
    const target = SLOT + 10 * 3_600_000;
    const outcomes = await Promise.all([
      store.updateAppointment(a.id, NOW, move(target, NOW + 3)),
      store.updateAppointment(b.id, NOW, move(target + 15 * 60_000, NOW + 3)),
    ]);
    expect([...outcomes].sort()).toEqual(['changed', 'slot-taken']);
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
