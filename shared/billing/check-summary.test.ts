import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import { rebilled } from './check-summary.ts';
import { consultationSummary } from './consultation-summary.ts';

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
