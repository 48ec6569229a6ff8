import { describe, expect, it } from 'vitest';
import { describeCrackTime } from './crack-time.ts';

const DAY = 86_400;

describe('describeCrackTime', () => {
  it('says "instant" below a second, and for nonsense input', () => {
    expect(describeCrackTime(0)).toEqual({ kind: 'instant' });
    expect(describeCrackTime(0.99)).toEqual({ kind: 'instant' });
    expect(describeCrackTime(Number.NaN)).toEqual({ kind: 'instant' });
  });

  it('rounds into the largest unit that fits', () => {
    expect(describeCrackTime(1)).toEqual({ kind: 'unit', unit: 'second', value: 1 });
    expect(describeCrackTime(59.4)).toEqual({ kind: 'unit', unit: 'second', value: 59 });
    expect(describeCrackTime(60)).toEqual({ kind: 'unit', unit: 'minute', value: 1 });
    expect(describeCrackTime(3 * 3600)).toEqual({ kind: 'unit', unit: 'hour', value: 3 });
    expect(describeCrackTime(3 * DAY)).toEqual({ kind: 'unit', unit: 'day', value: 3 });
    expect(describeCrackTime(31 * DAY)).toEqual({ kind: 'unit', unit: 'month', value: 1 });
    expect(describeCrackTime(12 * 31 * DAY * 40)).toEqual({ kind: 'unit', unit: 'year', value: 40 });
  });

  it('says "centuries" from a hundred years on, and for infinity', () => {
    expect(describeCrackTime(12 * 31 * DAY * 100)).toEqual({ kind: 'centuries' });
    expect(describeCrackTime(Number.POSITIVE_INFINITY)).toEqual({ kind: 'centuries' });
  });
});
