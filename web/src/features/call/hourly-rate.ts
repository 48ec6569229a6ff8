/**
 * The host's hourly rate, kept in this browser's localStorage: a practice setting, not health data,
 * so it stays out of the vault. Anything stored that is not a valid rate reads as the default.
 */
import { checkHourlyRate, DEFAULT_HOURLY_RATE_CENTS } from '../../../../shared/billing/rate.ts';

const KEY = 'carnet.hourlyRateCents';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function loadHourlyRate(storage: Storage = localStorage): number {
  const value = Number(storage.getItem(KEY));
  try {
    return checkHourlyRate(value);
  } catch {
    return DEFAULT_HOURLY_RATE_CENTS;
  }
}

/** Throws BillingError('rate-out-of-range') and stores nothing when the rate is out of bounds. */
export function saveHourlyRate(cents: number, storage: Storage = localStorage): void {
  storage.setItem(KEY, String(checkHourlyRate(cents)));
}
