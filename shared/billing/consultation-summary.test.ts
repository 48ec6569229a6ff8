import { describe, expect, it } from 'vitest';
import { parseRecord } from '../schema/record.ts';
import { consultationSummary } from './consultation-summary.ts';
import { seededRandom } from './seeded-random.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;

describe('consultationSummary', () => {
  it('builds a consultation record the schema accepts, with a reconnect as a second segment', () => {
    const summary = consultationSummary({
      practitionerName: 'Dr Claire Dubois',
      startedAt: T0,
      endedAt: T0 + 25 * MIN,
      segments: [
        { start: T0, end: T0 + 12 * MIN },
        { start: T0 + 13 * MIN, end: T0 + 25 * MIN },
      ],
      hourlyRateCents: 6_000,
    });
    expect(summary).toMatchObject({
      startedAt: '2026-11-23T09:00:00.000Z',
      durationSeconds: 24 * 60,
      billable: true,
      amountCents: 2_400,
    });
    expect(parseRecord(summary)).toEqual({ ok: true, value: summary });
  });

  it('always parses, for random sessions (seeded)', () => {
    const next = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      let cursor = T0;
      const segments = Array.from({ length: next(6) }, () => {
        const start = cursor + next(MIN);
        cursor = start + next(10 * MIN);
        return { start, end: cursor };
      });
      const summary = consultationSummary({
        practitionerName: 'Dr X',
        startedAt: T0,
        endedAt: cursor + next(MIN),
        segments,
        hourlyRateCents: 3_000 + next(6_001),
      });
      expect(parseRecord(summary).ok).toBe(true);
    }
  });
});
