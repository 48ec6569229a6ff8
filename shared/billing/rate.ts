/**
 * The practitioner's hourly rate, in integer euro cents. docs/architecture.md §10.3: 30–90 €/h, 60 €/h by default.
 * The bounds are the consultation schema's, so a summary the billing accepts always parses.
 */
import { MAX_HOURLY_RATE_CENTS, MIN_HOURLY_RATE_CENTS } from '../schema/consultation.ts';
import { BillingError } from './billing-error.ts';

export { MAX_HOURLY_RATE_CENTS, MIN_HOURLY_RATE_CENTS };
export const DEFAULT_HOURLY_RATE_CENTS = 6_000;

/** Throws `BillingError('rate-out-of-range')` unless the rate is a whole number of cents in bounds. */
export function checkHourlyRate(hourlyRateCents: number): number {
  if (
    !Number.isSafeInteger(hourlyRateCents) ||
    hourlyRateCents < MIN_HOURLY_RATE_CENTS ||
    hourlyRateCents > MAX_HOURLY_RATE_CENTS
  ) {
    throw new BillingError(
      'rate-out-of-range',
      `The hourly rate must be a whole number of cents between ${MIN_HOURLY_RATE_CENTS} and ${MAX_HOURLY_RATE_CENTS} (30–90 €)`,
    );
  }
  return hourlyRateCents;
}

/** Parses what a person typed ("60", "45,50", "45.5") into cents; `undefined` when it is not a price. */
export function parseEuroAmount(input: string): number | undefined {
  const match = /^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*(?:€)?\s*$/.exec(input);
  if (!match) return undefined;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}
