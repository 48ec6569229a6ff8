import { describe, expect, it } from 'vitest';
import type { OpenedAppointment } from '../messaging/appointments.ts';
import {
  type AppointmentSource,
  appointmentReminders,
  appointmentSources,
  dayBefore,
} from './appointment-reminders.ts';
import { DEFAULT_SETTINGS, type ReminderMarks, reminders, toNotify } from './reminder-schedule.ts';

const PARIS = 'Europe/Paris';
const iso = (at: number) => new Date(at).toISOString();
const at = (text: string) => Date.parse(text);
const none: ReminderMarks = { closed: new Set(), snoozed: new Map() };

/** Wednesday 14 January 2026, 10:00 in Paris (09:00 UTC), 30 minutes, the patient's side. */
const visit: AppointmentSource = {
  id: 'a1',
  title: 'Dr Hugo Lambert',
  startsAt: at('2026-01-14T09:00:00Z'),
  durationMinutes: 30,
  role: 'patient',
  link: '/consult#ABCDEFGHJK',
};

const schedule = (sources: readonly AppointmentSource[], now: number, marks = none) =>
  reminders(
    { medications: [], vaccinations: [], programmes: [], appointments: sources },
    DEFAULT_SETTINGS,
    marks,
    now,
    new Date(now + 3_600_000).toISOString().slice(0, 10),
    PARIS,
  );

describe('appointment reminders', () => {
  it('the day before at the same time, then 15 minutes before with the join link, nothing after the end', () => {
    expect(appointmentReminders([visit], at('2026-01-12T12:00:00Z'), PARIS)).toEqual([]);
    const eve = appointmentReminders([visit], at('2026-01-13T08:00:00Z'), PARIS);
    expect(eve.map((r) => [r.key, iso(r.dueAt)])).toEqual([
      ['appt:a1:1768381200000:day', '2026-01-13T09:00:00.000Z'],
    ]);
    const soon = appointmentReminders([visit], at('2026-01-14T08:50:00Z'), PARIS);
    expect(soon.map((r) => [r.key, iso(r.dueAt), r.link])).toEqual([
      ['appt:a1:1768381200000:soon', '2026-01-14T08:45:00.000Z', '/consult#ABCDEFGHJK'],
    ]);
    // Still listed while it runs, gone once it ended.
    expect(appointmentReminders([visit], at('2026-01-14T09:29:00Z'), PARIS)).toHaveLength(1);
    expect(appointmentReminders([visit], at('2026-01-14T09:31:00Z'), PARIS)).toEqual([]);
  });

  it('keeps the wall time across DST: 23 hours before in spring, 25 in autumn, a skipped time an hour later', () => {
    // Sunday 29 March 2026 09:00 CEST; the Saturday before is still CET.
    const spring = at('2026-03-29T07:00:00Z');
    expect(iso(dayBefore(spring, PARIS))).toBe('2026-03-28T08:00:00.000Z');
    expect(spring - dayBefore(spring, PARIS)).toBe(23 * 3_600_000);
    // Sunday 25 October 2026 09:00 CET; the Saturday before is still CEST.
    const autumn = at('2026-10-25T08:00:00Z');
    expect(spring - dayBefore(spring, PARIS)).not.toBe(autumn - dayBefore(autumn, PARIS));
    expect(autumn - dayBefore(autumn, PARIS)).toBe(25 * 3_600_000);
    // Monday 30 March 02:30 CEST: 02:30 did not exist on the Sunday, so 03:30 CEST.
    expect(iso(dayBefore(at('2026-03-30T00:30:00Z'), PARIS))).toBe('2026-03-29T01:30:00.000Z');
    // In New York, the same instant is another wall time and another day-before.
    expect(iso(dayBefore(spring, 'America/New_York'))).toBe('2026-03-28T07:00:00.000Z');
  });

  it('a device off at the time notifies, when it next runs, only what still helps', () => {
    const lastCheck = at('2026-01-12T12:00:00Z');
    // Off through the day-before time, back 10 minutes before the start: the 15-minute one only.
    const late = at('2026-01-14T08:50:00Z');
    const open = schedule([visit], late);
    expect(toNotify(open, lastCheck, late, none.snoozed).each.map((r) => r.key)).toEqual([
      'appt:a1:1768381200000:soon',
    ]);
    // Back on the evening before: the day-before one, once.
    const evening = at('2026-01-13T18:00:00Z');
    const first = toNotify(schedule([visit], evening), lastCheck, evening, none.snoozed);
    expect(first.each.map((r) => r.key)).toEqual(['appt:a1:1768381200000:day']);
    expect(
      toNotify(schedule([visit], evening + 60_000), evening, evening + 60_000, none.snoozed).each,
    ).toEqual([]);
    // Back after the end: nothing.
    const after = at('2026-01-14T10:00:00Z');
    expect(toNotify(schedule([visit], after), lastCheck, after, none.snoozed).each).toEqual([]);
  });

  it('marking the day-before one done keeps the 15-minute one; a rescheduled appointment is reminded afresh', () => {
    const marks: ReminderMarks = { closed: new Set(['appt:a1:1768381200000:day']), snoozed: new Map() };
    expect(schedule([visit], at('2026-01-13T10:00:00Z'), marks)).toEqual([]);
    expect(schedule([visit], at('2026-01-14T08:46:00Z'), marks).map((r) => r.kind)).toEqual(['appointment']);
    const moved = { ...visit, startsAt: visit.startsAt + 3_600_000 };
    expect(schedule([moved], at('2026-01-13T10:00:00Z'), marks).map((r) => r.key)).toEqual([
      `appt:a1:${moved.startsAt}:day`,
    ]);
  });
});

describe('appointment sources', () => {
  const base: OpenedAppointment = {
    id: 'a1',
    role: 'patient',
    practitionerId: 'p',
    patientId: 'q',
    practitionerName: 'Dr Hugo Lambert',
    rateCents: 6000,
    startsAt: visit.startsAt,
    durationMinutes: 30,
    status: 'accepted',
    proposedBy: 'patient',
    sealed: 'x',
    roomCode: 'ABCDEFGHJK',
    createdAt: 0,
    updatedAt: 0,
    request: { reason: 'Knee', profileName: 'Camille Roux' },
  };

  it('keeps accepted appointments still to come, with the way in for each side, soonest first', () => {
    const now = at('2026-01-13T00:00:00Z');
    const sources = appointmentSources(
      [
        { ...base, id: 'later', startsAt: visit.startsAt + 86_400_000 },
        base,
        { ...base, id: 'asked', status: 'requested' },
        { ...base, id: 'asap', startsAt: null },
        { ...base, id: 'past', startsAt: now - 3_600_000 },
        { ...base, id: 'theirs', role: 'practitioner', startsAt: visit.startsAt + 7_200_000, roomCode: null },
      ],
      now,
    );
    expect(sources.map((s) => [s.id, s.title, s.link])).toEqual([
      ['a1', 'Dr Hugo Lambert', '/consult#ABCDEFGHJK'],
      ['theirs', 'Camille Roux', '/waiting-room'],
      ['later', 'Dr Hugo Lambert', '/consult#ABCDEFGHJK'],
    ]);
  });
});
