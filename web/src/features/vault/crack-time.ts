/**
 * Turns an estimated time to guess (in seconds) into one rounded unit, the way zxcvbn buckets it,
 * so the UI can say it in words in any language (Intl's unit formatting does the plurals).
 */
export type CrackTimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

export type CrackTime =
  | { kind: 'instant' }
  | { kind: 'centuries' }
  | { kind: 'unit'; unit: CrackTimeUnit; value: number };

const MINUTE = 60;
const HOUR = MINUTE * 60;
const DAY = HOUR * 24;
const MONTH = DAY * 31;
const YEAR = MONTH * 12;
const CENTURY = YEAR * 100;

const UNITS: readonly [CrackTimeUnit, number, number][] = [
  // unit, its length in seconds, the bound below which it is used
  ['second', 1, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, MONTH],
  ['month', MONTH, YEAR],
  ['year', YEAR, CENTURY],
];

export function describeCrackTime(seconds: number): CrackTime {
  if (!(seconds >= 1)) return { kind: 'instant' };
  for (const [unit, size, below] of UNITS) {
    if (seconds < below) return { kind: 'unit', unit, value: Math.max(1, Math.round(seconds / size)) };
  }
  return { kind: 'centuries' };
}
