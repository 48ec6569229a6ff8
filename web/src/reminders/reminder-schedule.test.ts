import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ReminderMarks, reminders, toNotify } from './reminder-schedule.ts';

const PARIS = 'Europe/Paris';
const none: ReminderMarks = { closed: new Set(), snoozed: new Map() };
const iso = (at: number) => new Date(at).toISOString();
const med = { id: 'm1', name: 'Levothyrox 75 µg', startDate: '2026-01-01' };
const settings = { ...DEFAULT_SETTINGS, medicationTimes: { m1: ['08:00', '20:00'] } };
const empty = { medications: [], vaccinations: [], programmes: [] };

describe('medication reminders', () => {
  it('places each time on yesterday and today, at 08:00 local across the spring change', () => {
    // Sunday 29 March 2026: Paris moves from UTC+1 to UTC+2.
    const now = Date.parse('2026-03-29T12:00:00Z');
    const list = reminders({ ...empty, medications: [med] }, settings, none, now, '2026-03-29', PARIS);
    expect(list.map((r) => [r.key, iso(r.dueAt)])).toEqual([
      ['med:m1:2026-03-28:08:00', '2026-03-28T07:00:00.000Z'],
      ['med:m1:2026-03-28:20:00', '2026-03-28T19:00:00.000Z'],
      ['med:m1:2026-03-29:08:00', '2026-03-29T06:00:00.000Z'],
      ['med:m1:2026-03-29:20:00', '2026-03-29T18:00:00.000Z'],
    ]);
  });

  it('and across the autumn change, in New York too', () => {
    const list = reminders(
      { ...empty, medications: [med] },
      { ...settings, medicationTimes: { m1: ['01:30'] } },
      none,
      Date.parse('2026-11-01T12:00:00Z'),
      '2026-11-01',
      'America/New_York',
    );
    // 01:30 happens twice on 1 November 2026 in New York: the first one (EDT, UTC−4).
    expect(list.map((r) => iso(r.dueAt))).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z']);
  });

  it('leaves out doses marked taken or skipped, snoozed ones until the snooze ends, and stopped medications', () => {
    const now = Date.parse('2026-03-10T09:00:00Z');
    const marks: ReminderMarks = {
      closed: new Set(['med:m1:2026-03-09:08:00', 'med:m1:2026-03-09:20:00']),
      snoozed: new Map([['med:m1:2026-03-10:08:00', now + 15 * 60_000]]),
    };
    const list = reminders({ ...empty, medications: [med] }, settings, marks, now, '2026-03-10', PARIS);
    expect(list.map((r) => r.key)).toEqual(['med:m1:2026-03-10:20:00']);
    const later = reminders(
      { ...empty, medications: [med] },
      settings,
      marks,
      now + 20 * 60_000,
      '2026-03-10',
      PARIS,
    );
    expect(later.map((r) => r.key)).toEqual(['med:m1:2026-03-10:08:00', 'med:m1:2026-03-10:20:00']);
    const stopped = { ...med, stopDate: '2026-03-09' };
    const after = reminders({ ...empty, medications: [stopped] }, settings, none, now, '2026-03-10', PARIS);
    expect(after.map((r) => r.key)).toEqual(['med:m1:2026-03-09:08:00', 'med:m1:2026-03-09:20:00']);
  });
});

describe('a device that was off at the time', () => {
  it('notifies what fell due since the last check, once, and sums up when there are many', () => {
    const input = { ...empty, medications: [med] };
    const lastCheck = Date.parse('2026-03-09T18:00:00Z');
    const now = Date.parse('2026-03-10T07:30:00Z'); // off overnight: 20:00 and 08:00 (Paris) were missed
    const open = reminders(input, settings, none, now, '2026-03-10', PARIS);
    expect(toNotify(open, lastCheck, now, new Map()).each.map((r) => r.key)).toEqual([
      'med:m1:2026-03-09:20:00',
      'med:m1:2026-03-10:08:00',
    ]);
    // The next check a minute later notifies nothing again.
    expect(toNotify(open, now, now + 60_000, new Map())).toEqual({ each: [], summary: 0 });
    // Off for a day with four times a day: one summary instead of a burst.
    const many = { ...settings, medicationTimes: { m1: ['06:00', '10:00', '14:00', '18:00'] } };
    const all = reminders(input, many, none, now, '2026-03-10', PARIS);
    expect(toNotify(all, lastCheck - 86_400_000, now, new Map())).toEqual({ each: [], summary: 5 });
  });

  it('notifies a snoozed reminder when the snooze ends', () => {
    const now = Date.parse('2026-03-10T08:00:00Z');
    const open = reminders({ ...empty, medications: [med] }, settings, none, now, '2026-03-10', PARIS);
    const snoozed = new Map([['med:m1:2026-03-10:08:00', now - 60_000]]);
    expect(toNotify(open, now - 120_000, now, snoozed).each.map((r) => r.key)).toEqual([
      'med:m1:2026-03-10:08:00',
    ]);
  });
});

describe('vaccination and exercise reminders', () => {
  it('a vaccination comes into the list two weeks before it is due and stays until done', () => {
    const input = { ...empty, vaccinations: [{ id: 'v1', vaccine: 'DTPolio', nextDue: '2026-04-01' }] };
    expect(reminders(input, settings, none, 0, '2026-03-17', PARIS)).toEqual([]);
    const list = reminders(input, settings, none, 0, '2026-03-18', PARIS);
    expect(list.map((r) => [r.key, iso(r.dueAt), r.dueDate])).toEqual([
      ['vax:v1:2026-04-01', '2026-03-18T08:00:00.000Z', '2026-04-01'],
    ]);
    expect(reminders(input, settings, none, 0, '2026-06-01', PARIS)).toHaveLength(1);
    const done = { closed: new Set(['vax:v1:2026-04-01']), snoozed: new Map() };
    expect(reminders(input, settings, done, 0, '2026-06-01', PARIS)).toEqual([]);
  });

  it('an exercise reminder only on days without a session, while the week’s target is not met', () => {
    const programme = {
      id: 'p1',
      title: 'Genou',
      plan: { startDate: '2026-03-02', endDate: '2026-03-29', sessionsPerWeek: 2 },
      sessions: [] as { date: string; status: 'done' | 'partly' | 'skipped' }[],
    };
    const at = (sessions: typeof programme.sessions, today: string) =>
      reminders({ ...empty, programmes: [{ ...programme, sessions }] }, settings, none, 0, today, PARIS).map(
        (r) => [r.key, iso(r.dueAt)],
      );
    expect(at([], '2026-03-03')).toEqual([['ex:p1:2026-03-03', '2026-03-03T17:00:00.000Z']]);
    expect(at([{ date: '2026-03-03', status: 'done' }], '2026-03-03')).toEqual([]);
    expect(
      at(
        [
          { date: '2026-03-02', status: 'done' },
          { date: '2026-03-03', status: 'partly' },
        ],
        '2026-03-04',
      ),
    ).toEqual([]);
    // The last day (the change to summer time): 18:00 CEST.
    expect(at([], '2026-03-29')).toEqual([['ex:p1:2026-03-29', '2026-03-29T16:00:00.000Z']]);
    expect(at([], '2026-03-30')).toEqual([]);
    expect(
      reminders(
        { ...empty, programmes: [programme] },
        { ...settings, exerciseTime: null },
        none,
        0,
        '2026-03-03',
        PARIS,
      ),
    ).toEqual([]);
  });
});
