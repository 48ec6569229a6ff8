import { describe, expect, it } from 'vitest';
import { loadHourlyRate, saveHourlyRate } from './hourly-rate.ts';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('hourly rate setting', () => {
  it('defaults to 60 € and keeps a valid rate', () => {
    const storage = memory();
    expect(loadHourlyRate(storage)).toBe(6_000);
    saveHourlyRate(4_550, storage);
    expect(loadHourlyRate(storage)).toBe(4_550);
  });

  it('refuses out-of-range rates and reads garbage as the default', () => {
    const storage = memory();
    expect(() => saveHourlyRate(9_500, storage)).toThrow('between 3000 and 9000');
    expect(storage.map.size).toBe(0);
    storage.setItem('carnet.hourlyRateCents', '12');
    expect(loadHourlyRate(storage)).toBe(6_000);
  });
});
