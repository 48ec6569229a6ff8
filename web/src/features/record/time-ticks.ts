/**
 * Where the time axis of a measurement chart puts its labels. uPlot's own choice, with the steps
 * it is given, left a phone-wide chart of six months with a single date; here the step is the
 * smallest one whose labels all fit the width, on round boundaries (midnight, the first of a
 * month), so six months read as a few months, a week as days, a day as hours.
 */
const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

type Step = { readonly seconds: number; readonly months?: number };

const STEPS: readonly Step[] = [
  ...[15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR].map((seconds) => ({
    seconds,
  })),
  ...[1, 2, 7, 14].map((days) => ({ seconds: days * DAY })),
  ...[1, 2, 3, 6, 12, 24, 60].map((months) => ({ seconds: months * 30 * DAY, months })),
];

/** Pixels a label needs, with room on either side: "Apr 2026", "14 déc." at the chart's font size. */
export const TICK_GAP = 70;

export interface TimeTicks {
  /** Seconds since the epoch. */
  readonly ticks: number[];
  /** The labels' format: hours, days or months, as fits the step. */
  readonly format: Intl.DateTimeFormatOptions;
}

function startOfDay(seconds: number): number {
  const d = new Date(seconds * 1000);
  d.setHours(0, 0, 0, 0);
  return d.getTime() / 1000;
}

function monthTicks(min: number, max: number, months: number): number[] {
  const d = new Date(min * 1000);
  d.setHours(0, 0, 0, 0);
  d.setDate(1);
  // Months that are multiples of the step (January, April, July… for three) read as round.
  d.setMonth(Math.floor(d.getMonth() / Math.min(months, 12)) * Math.min(months, 12));
  const out: number[] = [];
  while (d.getTime() / 1000 <= max) {
    if (d.getTime() / 1000 >= min) out.push(d.getTime() / 1000);
    d.setMonth(d.getMonth() + months);
  }
  return out;
}

function plainTicks(min: number, max: number, step: number): number[] {
  // Steps of a day or more start at local midnight; shorter ones at a multiple of the step.
  const base = step >= DAY ? startOfDay(min) : Math.floor(min / step) * step;
  const out: number[] = [];
  for (let t = base; t <= max; t += step) if (t >= min) out.push(t);
  return out;
}

export function timeTicks(min: number, max: number, width: number): TimeTicks {
  const room = Math.max(2, Math.floor(width / TICK_GAP));
  const span = Math.max(0, max - min);
  for (const step of STEPS) {
    // A quick filter only: a span of 2.03 months still gives 2 month ticks, which fit 2 labels.
    if (span / step.seconds > room + 1) continue;
    const ticks = step.months ? monthTicks(min, max, step.months) : plainTicks(min, max, step.seconds);
    if (ticks.length > room) continue;
    return { ticks, format: formatFor(step, span) };
  }
  return { ticks: [min, max], format: { month: 'short', year: 'numeric' } };
}

function formatFor(step: Step, span: number): Intl.DateTimeFormatOptions {
  if (step.seconds < DAY)
    return span < DAY
      ? { hour: 'numeric', minute: '2-digit' }
      : { day: 'numeric', month: 'short', hour: 'numeric' };
  if (step.months) return { month: 'short', year: 'numeric' };
  return { day: 'numeric', month: 'short' };
}
