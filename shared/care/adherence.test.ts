import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../schema/exercise-session.ts';
import { adherence, trend } from './adherence.ts';

const s = (date: string, status: SessionStatus = 'done') => ({ date, status });
// Monday 2 March 2026 to Sunday 29 March 2026 (the day Paris moves its clocks): four weeks.
const plan = { startDate: '2026-03-02', endDate: '2026-03-29', sessionsPerWeek: 3 };

describe('adherence', () => {
  it('before the start: nothing expected, not started', () => {
    const a = adherence(plan, [], '2026-03-01');
    expect(a.status).toBe('not-started');
    expect(a.week).toBe(0);
    expect(a.weeks).toBe(4);
    expect(a.sinceStart.expected).toBe(0);
    expect(a.percent).toBeNull();
  });

  it('on the first day the week’s target is due by the week’s end', () => {
    const a = adherence(plan, [s('2026-03-02')], '2026-03-02');
    expect(a).toMatchObject({ week: 1, status: 'running', percent: 33 });
    expect(a.thisWeek).toEqual({ done: 1, partly: 0, skipped: 0, expected: 3 });
  });

  it('counts done and partly as performed, skipped as not, and only inside the programme', () => {
    const sessions = [
      s('2026-02-28'), // before the start
      s('2026-03-03'),
      s('2026-03-05', 'partly'),
      s('2026-03-07', 'skipped'),
      s('2026-03-10'),
      s('2026-03-30'), // after the end
    ];
    const a = adherence(plan, sessions, '2026-03-11');
    expect(a.week).toBe(2);
    expect(a.thisWeek).toEqual({ done: 1, partly: 0, skipped: 0, expected: 3 });
    expect(a.sinceStart).toEqual({ done: 2, partly: 1, skipped: 1, expected: 6 });
    expect(a.percent).toBe(50);
  });

  it('the last day is the DST change day in Paris and still week 4 of 4', () => {
    const sessions = ['03', '05', '07', '10', '12', '14', '17', '19', '21', '24', '26', '29'].map((d) =>
      s(`2026-03-${d}`),
    );
    const a = adherence(plan, sessions, '2026-03-29');
    expect(a).toMatchObject({ week: 4, weeks: 4, status: 'running', percent: 100 });
    expect(a.sinceStart.expected).toBe(12);
  });

  it('after the end: frozen at the end date', () => {
    const a = adherence(plan, [s('2026-03-03'), s('2026-03-04'), s('2026-03-05')], '2026-05-01');
    expect(a).toMatchObject({ status: 'ended', week: 4, percent: 25 });
    expect(a.sinceStart.expected).toBe(12);
  });

  it('a short last week expects its share, rounded up', () => {
    // 10 days: a full week then 3 days; 5 a week → 5 + ceil(15/7) = 8.
    const short = { startDate: '2026-10-19', endDate: '2026-10-28', sessionsPerWeek: 5 };
    const a = adherence(short, [], '2026-10-28');
    expect(a.weeks).toBe(2);
    expect(a.thisWeek.expected).toBe(3);
    expect(a.sinceStart.expected).toBe(8);
  });

  it('never more than 100 %, and no percentage without a weekly count', () => {
    const many = Array.from({ length: 10 }, () => s('2026-03-02'));
    expect(adherence(plan, many, '2026-03-02').percent).toBe(100);
    const open = adherence({ startDate: '2026-03-02' }, [s('2026-03-02')], '2026-06-30');
    expect(open).toMatchObject({ percent: null, weeks: null, status: 'running', week: 18 });
    expect(open.sinceStart).toEqual({ done: 1, partly: 0, skipped: 0, expected: null });
  });
});

describe('trend', () => {
  it('orders by date and leaves out sessions without pain or difficulty', () => {
    expect(
      trend([
        { date: '2026-03-05', pain: 2 },
        { date: '2026-03-03', pain: 5, difficulty: 7 },
        { date: '2026-03-04' },
      ]),
    ).toEqual([
      { date: '2026-03-03', pain: 5, difficulty: 7 },
      { date: '2026-03-05', pain: 2, difficulty: null },
    ]);
  });
});
