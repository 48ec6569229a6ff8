import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import { CONNECTED_TOLERANCE_MS, checkedSummary, rebilled } from './check-summary.ts';
import { consultationSummary } from './consultation-summary.ts';
import { seededRandom } from './seeded-random.ts';

const T0 = Date.UTC(2026, 10, 23, 9);
const MIN = 60_000;

describe('rebilled', () => {
  it('keeps an honest summary as it is', () => {
    const honest = consultationSummary({
      practitionerName: 'Dr X',
      startedAt: T0,
      endedAt: T0 + 20 * MIN,
      segments: [{ start: T0, end: T0 + 20 * MIN }],
      hourlyRateCents: 4_500,
    });
    expect(rebilled(honest)).toEqual(honest);
    expect(rebilled(EXAMPLE_RECORDS.consultation)).toEqual(EXAMPLE_RECORDS.consultation);
  });

  it('corrects an inflated amount, a short session billed, and an inflated duration', () => {
    const honest = consultationSummary({
      practitionerName: 'Dr X',
      startedAt: T0,
      endedAt: T0 + 10 * MIN,
      segments: [
        { start: T0, end: T0 + 2 * MIN },
        { start: T0 + 3 * MIN, end: T0 + 5 * MIN },
      ],
      hourlyRateCents: 6_000,
    });
    expect(honest).toMatchObject({ billable: false, amountCents: 0, durationSeconds: 240 });
    const inflated = { ...honest, billable: true, amountCents: 999, durationSeconds: 600 };
    expect(rebilled(inflated)).toEqual(honest);
  });
});

const NOTE = 'disputed';
const SEC = 1_000;
const summaryOf = (segments: { start: number; end: number }[], rate = 6_000, endedAt?: number) =>
  consultationSummary({
    practitionerName: 'Dr X',
    startedAt: T0,
    endedAt: endedAt ?? Math.max(T0, ...segments.map((s) => s.end)),
    segments,
    hourlyRateCents: rate,
  });

describe('checkedSummary', () => {
  it('keeps the host’s figures when its time agrees within the tolerance', () => {
    const host = summaryOf([{ start: T0, end: T0 + 20 * MIN }]);
    const own = summaryOf([{ start: T0 + 400, end: T0 + 20 * MIN + 3 * SEC }]);
    const saved = checkedSummary(host, own, NOTE);
    expect(saved).toEqual(host);
    expect(saved.note).toBeUndefined();
  });

  it('saves the patient’s own summary, marked, when the host claims more time than the patient saw', () => {
    const own = summaryOf([{ start: T0, end: T0 + 10 * MIN }]);
    const host = summaryOf([{ start: T0, end: T0 + 10 * MIN + CONNECTED_TOLERANCE_MS + 1 }]);
    expect(checkedSummary(host, own, NOTE)).toEqual({ ...own, note: NOTE });
    // A short call inflated past 3 minutes bills nothing on the patient's side.
    const short = summaryOf([{ start: T0, end: T0 + 2 * MIN }]);
    const inflated = summaryOf([{ start: T0, end: T0 + 5 * MIN }]);
    expect(checkedSummary(inflated, short, NOTE)).toMatchObject({
      billable: false,
      amountCents: 0,
      note: NOTE,
    });
  });

  it('saves the patient’s own summary when the host bills another rate than it announced', () => {
    const own = summaryOf([{ start: T0, end: T0 + 20 * MIN }], 4_500);
    const host = summaryOf([{ start: T0, end: T0 + 20 * MIN }], 9_000);
    expect(checkedSummary(host, own, NOTE)).toEqual({ ...own, note: NOTE });
  });

  it('rebills the host’s stretches at the announced rate, whatever amount it wrote', () => {
    const own = summaryOf([{ start: T0, end: T0 + 30 * MIN }], 6_000);
    const host = { ...summaryOf([{ start: T0, end: T0 + 30 * MIN }], 6_000), amountCents: 99_999 };
    expect(checkedSummary(host, own, NOTE)).toMatchObject({ amountCents: 3_000, billable: true });
  });

  it('property: the saved amount is never above what the patient’s own time and rate bill, plus the tolerance', () => {
    const next = seededRandom(7);
    for (let i = 0; i < 3_000; i++) {
      const rate = 3_000 + next(6_001);
      const ownLength = next(40 * MIN);
      const hostLength = Math.max(0, ownLength + next(40 * SEC) - 20 * SEC);
      const own = summaryOf([{ start: T0, end: T0 + ownLength }], rate, T0 + 41 * MIN);
      const host = summaryOf(
        [{ start: T0, end: T0 + hostLength }],
        next(4) === 0 ? 9_000 : rate,
        T0 + 41 * MIN,
      );
      const saved = checkedSummary(host, own, NOTE);
      const ceiling = summaryOf(
        [{ start: T0, end: T0 + ownLength + CONNECTED_TOLERANCE_MS }],
        rate,
        T0 + 41 * MIN,
      );
      expect(saved.amountCents).toBeGreaterThanOrEqual(0);
      expect(saved.amountCents).toBeLessThanOrEqual(ceiling.amountCents);
      expect(saved.hourlyRateCents).toBe(rate);
      const disputed = saved.note === NOTE;
      expect(disputed).toBe(
        host.hourlyRateCents !== rate || Math.abs(hostLength - ownLength) > CONNECTED_TOLERANCE_MS,
      );
      if (disputed) expect(saved).toEqual({ ...own, note: NOTE });
    }
  });
});
