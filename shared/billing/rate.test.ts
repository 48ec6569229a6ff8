import { describe, expect, it } from 'vitest';
import { BillingError } from './billing-error.ts';
import { checkHourlyRate, DEFAULT_HOURLY_RATE_CENTS, parseEuroAmount } from './rate.ts';

describe('hourly rate', () => {
  it('defaults to 60 €/h and accepts every whole cent from 30 € to 90 €', () => {
    expect(DEFAULT_HOURLY_RATE_CENTS).toBe(6_000);
    for (let cents = 3_000; cents <= 9_000; cents++) expect(checkHourlyRate(cents)).toBe(cents);
  });

  it('refuses anything else with reason rate-out-of-range', () => {
    for (const cents of [2_999, 9_001, 0, -1, 45.5]) {
      expect(() => checkHourlyRate(cents)).toThrow(BillingError);
    }
  });

  it('parses typed prices in euros with a dot or a comma', () => {
    expect(parseEuroAmount('60')).toBe(6_000);
    expect(parseEuroAmount('45,5')).toBe(4_550);
    expect(parseEuroAmount(' 45.05 € ')).toBe(4_505);
    for (const bad of ['', 'abc', '45.505', '-30', '1e3', '45,'])
      expect(parseEuroAmount(bad)).toBeUndefined();
  });
});
