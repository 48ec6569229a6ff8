/**
 * The recovery key as the person sees it: groups of four characters, numbered from 1. After the key
 * is shown, two groups picked at random are typed back, which proves a usable copy exists without
 * asking for all 56 characters. Comparison forgives what the key parser forgives (case, spaces,
 * dashes, O for 0 and I or L for 1).
 */
import { base32Value, CROCKFORD_ALPHABET } from '../../../../shared/crypto/base32.ts';

export function recoveryKeyGroups(key: string): string[] {
  return key
    .trim()
    .split(/[\s-]+/)
    .filter((group) => group !== '');
}

/** `count` distinct group numbers in 1..total, ascending. `randomInt(n)` returns an integer in [0, n). */
export function pickGroupNumbers(total: number, count: number, randomInt: (n: number) => number): number[] {
  if (count > total) throw new RangeError(`cannot pick ${count} of ${total} groups`);
  const pool = Array.from({ length: total }, (_, i) => i + 1);
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = randomInt(pool.length);
    const [number] = pool.splice(index, 1);
    if (number === undefined) throw new RangeError(`randomInt returned ${index} for ${pool.length + 1}`);
    picked.push(number);
  }
  return picked.sort((a, b) => a - b);
}

/** Uniform integer in [0, n) from the Web Crypto generator (rejection sampling, no modulo bias). */
export function cryptoRandomInt(n: number): number {
  if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`bad range ${n}`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % n;
  }
}

/** Canonical form of a typed group: Crockford symbols, upper case, no separators. */
export function normalizeGroup(typed: string): string {
  let out = '';
  for (const char of typed.replace(/[\s-]/g, '')) {
    const value = base32Value(char);
    out += value < 0 ? char.toUpperCase() : CROCKFORD_ALPHABET[value];
  }
  return out;
}

export function groupMatches(typed: string, expected: string): boolean {
  return normalizeGroup(typed) === normalizeGroup(expected);
}

/** Group number (1-based) holding the character at `position` (1-based, separators not counted). */
export function groupOfPosition(position: number, groupSize = 4): number {
  return Math.ceil(position / groupSize);
}
