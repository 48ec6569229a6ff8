import { describe, expect, it } from 'vitest';
import { billSession, MIN_REALIZED_STRETCH_MS, priceOfMinutes, type Segment } from './bill-session.ts';
import { BillingError } from './billing-error.ts';
import { DEFAULT_HOURLY_RATE_CENTS, MAX_HOURLY_RATE_CENTS, MIN_HOURLY_RATE_CENTS } from './rate.ts';
import { seededRandom } from './seeded-random.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const one = (ms: number): Segment[] => [{ start: T0, end: T0 + ms }];

/** Random ordered, non-overlapping segments; `maxLength` bounds each stretch. */
function randomSegments(next: (n: number) => number, count: number, maxLength: number): Segment[] {
  const segments: Segment[] = [];
  let cursor = T0 + next(10 * MIN);
  for (let i = 0; i < count; i++) {
    const start = cursor + next(2 * MIN);
    const end = start + next(maxLength + 1);
    segments.push({ start, end });
    cursor = end;
  }
  return segments;
}

function errorReason(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BillingError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('billSession: the 3-minute threshold', () => {
  it('bills nothing for exactly 3:00 continuous', () => {
    const bill = billSession(one(3 * MIN), DEFAULT_HOURLY_RATE_CENTS);
    expect(bill).toMatchObject({ billable: false, amountCents: 0, billedMinutes: 3 });
  });

  it('bills 3:01 continuous as 4 started minutes', () => {
    const bill = billSession(one(3 * MIN + 1_000), DEFAULT_HOURLY_RATE_CENTS);
    expect(bill).toMatchObject({ billable: true, billedMinutes: 4, amountCents: 400 });
  });

  it('bills one millisecond past 3:00', () => {
    expect(billSession(one(MIN_REALIZED_STRETCH_MS + 1), 6_000).billable).toBe(true);
  });

  it('bills nothing for an empty session', () => {
    expect(billSession([], 6_000)).toMatchObject({ billable: false, amountCents: 0, connectedMs: 0 });
  });

  it('bills a 20-minute call at 60 €/h 20 €, and one hour exactly the hourly rate at any rate', () => {
    expect(billSession(one(20 * MIN), 6_000).amountCents).toBe(2_000);
    for (let rate = MIN_HOURLY_RATE_CENTS; rate <= MAX_HOURLY_RATE_CENTS; rate++) {
      expect(billSession(one(60 * MIN), rate).amountCents).toBe(rate);
    }
  });

  it('rounds the total half-up once: 31 €/h for 1 minute is 51.67 c → 52 c; 10 minutes 516.67 c → 517 c', () => {
    expect(priceOfMinutes(1, 3_100)).toBe(52);
    expect(priceOfMinutes(10, 3_100)).toBe(517);
    // 30.30 €/h × 1 min = 50.5 c exactly: half rounds up.
    expect(priceOfMinutes(1, 3_030)).toBe(51);
    expect(priceOfMinutes(1, 3_029)).toBe(50);
  });

  it('counts the connected time of every segment once it is realized', () => {
    const segments = [
      { start: T0, end: T0 + 4 * MIN },
      { start: T0 + 5 * MIN, end: T0 + 6 * MIN + 1 },
    ];
    expect(billSession(segments, 6_000)).toMatchObject({
      billedMinutes: 6,
      amountCents: 600,
      billable: true,
    });
  });
});

describe('billSession: input checks', () => {
  it('enforces the rate bounds with a clear error', () => {
    for (const rate of [0, -6_000, 2_999, 9_001, 60.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(errorReason(() => billSession(one(MIN), rate))).toBe('rate-out-of-range');
    }
    expect(() => billSession(one(MIN), 2_999)).toThrow('between 3000 and 9000 (30–90 €)');
    for (const rate of [MIN_HOURLY_RATE_CENTS, MAX_HOURLY_RATE_CENTS]) {
      expect(errorReason(() => billSession(one(MIN), rate))).toBeUndefined();
    }
  });

  it('refuses reversed, overlapping, out-of-order and fractional segments', () => {
    const bad: Segment[][] = [
      [{ start: T0 + 1, end: T0 }],
      [
        { start: T0, end: T0 + 10 },
        { start: T0 + 5, end: T0 + 20 },
      ],
      [
        { start: T0 + 100, end: T0 + 200 },
        { start: T0, end: T0 + 50 },
      ],
      [{ start: T0 + 0.5, end: T0 + 10 }],
      [{ start: -10, end: 10 }],
    ];
    for (const segments of bad)
      expect(errorReason(() => billSession(segments, 6_000))).toBe('invalid-segment');
  });
});

describe('billSession: properties (seeded, 5 000 cases each)', () => {
  const CASES = 5_000;

  it('short segments never add up to realized, however many there are', () => {
    const next = seededRandom(1);
    for (let i = 0; i < CASES; i++) {
      const segments = randomSegments(next, 1 + next(40), MIN_REALIZED_STRETCH_MS);
      const bill = billSession(segments, MIN_HOURLY_RATE_CENTS + next(6_001));
      expect(bill.billable).toBe(false);
      expect(bill.amountCents).toBe(0);
    }
  });

  it('is billable iff one stretch exceeds 3 minutes; amounts are never negative and follow the rule', () => {
    const next = seededRandom(2);
    for (let i = 0; i < CASES; i++) {
      const segments = randomSegments(next, next(8), 8 * MIN);
      const rate = MIN_HOURLY_RATE_CENTS + next(6_001);
      const bill = billSession(segments, rate);
      const longest = Math.max(0, ...segments.map((s) => s.end - s.start));
      const total = segments.reduce((sum, s) => sum + s.end - s.start, 0);
      expect(bill.billable).toBe(longest > MIN_REALIZED_STRETCH_MS);
      expect(bill.amountCents).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(bill.amountCents)).toBe(true);
      expect(bill.billedMinutes * MIN).toBeGreaterThanOrEqual(total);
      expect((bill.billedMinutes - 1) * MIN).toBeLessThan(total);
      if (bill.billable) {
        // Within half a cent of the exact price of the started minutes.
        expect(Math.abs(bill.amountCents - (bill.billedMinutes * rate) / 60)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('never bills less for a longer session (monotonic in connected time and in rate)', () => {
    const next = seededRandom(3);
    for (let i = 0; i < CASES; i++) {
      const segments = randomSegments(next, 1 + next(5), 10 * MIN);
      const rate = MIN_HOURLY_RATE_CENTS + next(6_000);
      const base = billSession(segments, rate).amountCents;
      const last = segments.at(-1) as Segment;
      const longer = [...segments.slice(0, -1), { start: last.start, end: last.end + next(5 * MIN) }];
      expect(billSession(longer, rate).amountCents).toBeGreaterThanOrEqual(base);
      expect(billSession(segments, rate + 1).amountCents).toBeGreaterThanOrEqual(base);
    }
  });

  it('exhaustively: every whole second of a single stretch up to 10 minutes, at the bounds and default', () => {
    for (const rate of [MIN_HOURLY_RATE_CENTS, DEFAULT_HOURLY_RATE_CENTS, MAX_HOURLY_RATE_CENTS]) {
      for (let s = 0; s <= 600; s++) {
        const bill = billSession(one(s * 1_000), rate);
        expect(bill.billable).toBe(s > 180);
        expect(bill.amountCents).toBe(s > 180 ? Math.floor((2 * Math.ceil(s / 60) * rate + 60) / 120) : 0);
      }
    }
  });
});
