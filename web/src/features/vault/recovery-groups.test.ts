import { describe, expect, it } from 'vitest';
import {
  cryptoRandomInt,
  groupMatches,
  groupOfPosition,
  normalizeGroup,
  pickGroupNumbers,
  recoveryKeyGroups,
} from './recovery-groups.ts';

const KEY = '000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFT-5WF7';

describe('recovery key groups', () => {
  it('splits the key into its 14 groups, whatever the separators', () => {
    const groups = recoveryKeyGroups(KEY);
    expect(groups).toHaveLength(14);
    expect(groups[0]).toBe('000G');
    expect(groups[13]).toBe('5WF7');
    expect(recoveryKeyGroups(` ${KEY.replace(/-/g, '  ')}\n`)).toEqual(groups);
  });

  it('picks distinct numbers in range, ascending', () => {
    for (let i = 0; i < 200; i++) {
      const picked = pickGroupNumbers(14, 2, cryptoRandomInt);
      expect(picked).toHaveLength(2);
      const [first = 0, second = 0] = picked;
      expect(first).toBeGreaterThanOrEqual(1);
      expect(second).toBeLessThanOrEqual(14);
      expect(first).toBeLessThan(second);
    }
  });

  it('takes its randomness from the caller (deterministic with a fixed source)', () => {
    // Always the last remaining: 14, then 13.
    expect(pickGroupNumbers(14, 2, (n) => n - 1)).toEqual([13, 14]);
    // Always the first remaining: 1, then 2.
    expect(pickGroupNumbers(14, 2, () => 0)).toEqual([1, 2]);
    expect(() => pickGroupNumbers(1, 2, () => 0)).toThrow(RangeError);
  });

  it('reaches every group over many draws', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) for (const n of pickGroupNumbers(14, 2, cryptoRandomInt)) seen.add(n);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('cryptoRandomInt stays in [0, n)', () => {
    for (const n of [1, 2, 3, 14, 1000]) {
      for (let i = 0; i < 100; i++) {
        const value = cryptoRandomInt(n);
        expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
      }
    }
    expect(() => cryptoRandomInt(0)).toThrow(RangeError);
  });

  it('compares typed groups as forgivingly as the key parser', () => {
    expect(groupMatches('000g', '000G')).toBe(true);
    expect(groupMatches(' o0 0g ', '000G')).toBe(true);
    expect(groupMatches('1w81', '1W81')).toBe(true);
    expect(groupMatches('lW8I', '1W81')).toBe(true);
    expect(groupMatches('1W8', '1W81')).toBe(false);
    expect(groupMatches('1W82', '1W81')).toBe(false);
    expect(groupMatches('', '1W81')).toBe(false);
    expect(normalizeGroup('u-9')).toBe('U9');
  });

  it('maps a character position to its group', () => {
    expect(groupOfPosition(1)).toBe(1);
    expect(groupOfPosition(4)).toBe(1);
    expect(groupOfPosition(5)).toBe(2);
    expect(groupOfPosition(56)).toBe(14);
  });
});
