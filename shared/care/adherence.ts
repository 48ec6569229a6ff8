/**
 * Adherence to a home exercise programme (docs/architecture.md §8.9), pure: the same figures on the
 * patient's device and on the prescriber's page of a share.
 *
 * The programme runs from its start date (the day it was written when it names none) to its end
 * date (or open-ended), in programme weeks of seven days counted from the start, so "this week" does
 * not depend on which day a locale starts its weeks. A week expects `sessionsPerWeek` sessions; the
 * last week, when the end date cuts it short, expects its share rounded up. "Since start" counts the
 * weeks begun up to today: the current week's target is due by its end, so an on-track patient reads
 * 2/3 mid-week, not a failure. Done counts as one session, partly done as one (shown apart), skipped
 * as none. Only sessions dated inside the programme count; one per day at most is not enforced
 * (twice-a-day programmes exist).
 */
import type { ExerciseSession } from '../schema/exercise-session.ts';
import { addDays, daysBetween } from '../time/zoned-time.ts';

export interface ProgrammePlan {
  readonly startDate: string;
  readonly endDate?: string;
  readonly sessionsPerWeek?: number;
}

export interface Tally {
  readonly done: number;
  readonly partly: number;
  readonly skipped: number;
  /** Sessions expected over the period, or null when the programme gives no weekly count. */
  readonly expected: number | null;
}

export interface Adherence {
  /** 1-based programme week containing today, or 0 before the start. */
  readonly week: number;
  /** Total weeks, when the programme has an end date. */
  readonly weeks: number | null;
  readonly status: 'not-started' | 'running' | 'ended';
  readonly thisWeek: Tally;
  readonly sinceStart: Tally;
  /** Whole-number percentage of expected sessions performed (done or partly), capped at 100; null without a target. */
  readonly percent: number | null;
}

function expectedIn(days: number, perWeek: number | undefined): number | null {
  if (perWeek === undefined) return null;
  return Math.ceil((perWeek * Math.min(days, 7)) / 7);
}

function count(
  sessions: readonly Pick<ExerciseSession, 'date' | 'status'>[],
  from: string,
  to: string,
): Omit<Tally, 'expected'> {
  const inside = sessions.filter((s) => s.date >= from && s.date <= to);
  return {
    done: inside.filter((s) => s.status === 'done').length,
    partly: inside.filter((s) => s.status === 'partly').length,
    skipped: inside.filter((s) => s.status === 'skipped').length,
  };
}

export function adherence(
  plan: ProgrammePlan,
  sessions: readonly Pick<ExerciseSession, 'date' | 'status'>[],
  today: string,
): Adherence {
  const { startDate, endDate, sessionsPerWeek } = plan;
  const totalDays = endDate === undefined ? null : daysBetween(startDate, endDate) + 1;
  const weeks = totalDays === null ? null : Math.ceil(totalDays / 7);
  const weekLength = (index: number) =>
    totalDays === null ? 7 : Math.min(7, Math.max(0, totalDays - index * 7));

  if (today < startDate) {
    const none = { done: 0, partly: 0, skipped: 0, expected: sessionsPerWeek === undefined ? null : 0 };
    return { week: 0, weeks, status: 'not-started', thisWeek: none, sinceStart: none, percent: null };
  }
  const ended = endDate !== undefined && today > endDate;
  const lastDay = ended ? (endDate as string) : today;
  const weekIndex = Math.floor(daysBetween(startDate, lastDay) / 7);
  const weekStart = addDays(startDate, weekIndex * 7);
  const weekEnd = addDays(weekStart, weekLength(weekIndex) - 1);

  let expectedSoFar: number | null = sessionsPerWeek === undefined ? null : 0;
  for (let i = 0; i <= weekIndex && expectedSoFar !== null; i++) {
    expectedSoFar += expectedIn(weekLength(i), sessionsPerWeek) ?? 0;
  }
  const sinceStart = { ...count(sessions, startDate, lastDay), expected: expectedSoFar };
  const thisWeek = {
    ...count(sessions, weekStart, weekEnd),
    expected: expectedIn(weekLength(weekIndex), sessionsPerWeek),
  };
  const performed = sinceStart.done + sinceStart.partly;
  const percent =
    expectedSoFar === null || expectedSoFar === 0
      ? null
      : Math.min(100, Math.round((100 * performed) / expectedSoFar));
  return {
    week: weekIndex + 1,
    weeks,
    status: ended ? 'ended' : 'running',
    thisWeek,
    sinceStart,
    percent,
  };
}

/** Pain and difficulty over time, oldest first, for a chart: sessions that noted neither are left out. */
export function trend(
  sessions: readonly Pick<ExerciseSession, 'date' | 'pain' | 'difficulty'>[],
): { date: string; pain: number | null; difficulty: number | null }[] {
  return sessions
    .filter((s) => s.pain !== undefined || s.difficulty !== undefined)
    .map((s) => ({ date: s.date, pain: s.pain ?? null, difficulty: s.difficulty ?? null }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
