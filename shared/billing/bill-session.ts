/**
 * Teleconsultation billing (docs/architecture.md §10.3). Pure and in integer cents: the same inputs give the same
 * amount on the practitioner's and the patient's device.
 *
 * Rules:
 * - A session is a list of connected stretches `[start, end]` in milliseconds (a reconnect within
 *   the grace period starts a new one). They must be in order and must not overlap.
 * - **Technically unrealized**: when the longest single stretch is not longer than 3 minutes
 *   (180 000 ms), the session bills nothing, however many short stretches it has. Exactly 3:00 bills
 *   0; 3:00.001 bills.
 * - **Rounding rule**: the connected time (sum of the stretches) is rounded UP to whole minutes
 *   (every started minute counts), then `amount = minutes × hourlyRate / 60`, rounded half-up to the
 *   cent ONCE, on the total. Rounding the total rather than a per-minute price keeps the amount exact
 *   for every rate: 60 minutes always bill exactly the hourly rate (at 31 €/h a per-minute price
 *   rounded first would give 52 c × 60 = 31.20 €). In integers: `floor((2 × minutes × rate + 60) / 120)`.
 */
import { BillingError } from './billing-error.ts';
import { checkHourlyRate } from './rate.ts';

export interface Segment {
  readonly start: number;
  readonly end: number;
}

export interface Bill {
  /** Sum of the connected stretches, in ms. */
  readonly connectedMs: number;
  readonly longestStretchMs: number;
  /** Connected time rounded up to whole minutes (0 when nothing was connected). */
  readonly billedMinutes: number;
  readonly billable: boolean;
  /** Euro cents; 0 when not billable, never negative. */
  readonly amountCents: number;
  readonly hourlyRateCents: number;
}

/** A stretch must last longer than this for the session to be realized (and billed). */
export const MIN_REALIZED_STRETCH_MS = 3 * 60 * 1000;
const MINUTE_MS = 60_000;

export function checkSegments(segments: readonly Segment[]): void {
  let previousEnd = Number.NEGATIVE_INFINITY;
  segments.forEach((segment, i) => {
    const { start, end } = segment;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new BillingError('invalid-segment', `Segment ${i} must have integer times with end ≥ start`);
    }
    if (start < previousEnd) {
      throw new BillingError('invalid-segment', `Segment ${i} overlaps or precedes the one before it`);
    }
    previousEnd = end;
  });
}

/** Price of a number of started minutes at an hourly rate: the rounding rule above. */
export function priceOfMinutes(minutes: number, hourlyRateCents: number): number {
  return Math.floor((2 * minutes * hourlyRateCents + 60) / 120);
}

export function billSession(segments: readonly Segment[], hourlyRateCents: number): Bill {
  checkHourlyRate(hourlyRateCents);
  checkSegments(segments);
  let connectedMs = 0;
  let longestStretchMs = 0;
  for (const { start, end } of segments) {
    connectedMs += end - start;
    longestStretchMs = Math.max(longestStretchMs, end - start);
  }
  const billedMinutes = Math.ceil(connectedMs / MINUTE_MS);
  const billable = longestStretchMs > MIN_REALIZED_STRETCH_MS;
  return {
    connectedMs,
    longestStretchMs,
    billedMinutes,
    billable,
    amountCents: billable ? priceOfMinutes(billedMinutes, hourlyRateCents) : 0,
    hourlyRateCents,
  };
}
