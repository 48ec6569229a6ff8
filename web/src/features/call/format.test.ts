import { expect, it } from 'vitest';
import { formatElapsed } from './format.ts';

it('formats the running counter', () => {
  expect(formatElapsed(0)).toBe('00:00');
  expect(formatElapsed(59_999)).toBe('00:59');
  expect(formatElapsed(3 * 60_000 + 1_000)).toBe('03:01');
  expect(formatElapsed(3_600_000 + 61_000)).toBe('1:01:01');
  expect(formatElapsed(-5)).toBe('00:00');
});
