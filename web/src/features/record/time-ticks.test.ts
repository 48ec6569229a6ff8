import { describe, expect, it } from 'vitest';
import { TICK_GAP, timeTicks } from './time-ticks.ts';

const at = (iso: string) => new Date(iso).getTime() / 1000;

describe('time ticks of a measurement chart', () => {
  it('labels six months on a phone-wide chart with several month starts, not one date', () => {
    const { ticks, format } = timeTicks(at('2026-01-10T08:00'), at('2026-07-05T08:00'), 330);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(330 / TICK_GAP));
    for (const tick of ticks) expect(new Date(tick * 1000).getDate()).toBe(1);
    expect(format.month).toBe('short');
    expect(format.day).toBeUndefined();
  });

  it('uses days for a few weeks and hours within a day, all inside the range', () => {
    const weeks = timeTicks(at('2026-03-01T09:00'), at('2026-03-22T09:00'), 600);
    expect(weeks.ticks.length).toBeGreaterThanOrEqual(3);
    expect(weeks.format.day).toBe('numeric');
    const day = timeTicks(at('2026-03-01T06:00'), at('2026-03-01T20:00'), 600);
    expect(day.ticks.length).toBeGreaterThanOrEqual(3);
    expect(day.format.hour).toBe('numeric');
    for (const tick of [...weeks.ticks, ...day.ticks]) {
      expect(tick).toBeGreaterThanOrEqual(at('2026-03-01T06:00'));
      expect(tick).toBeLessThanOrEqual(at('2026-03-22T09:00'));
    }
  });

  it('gives a wide desktop chart more labels than a phone, never more than fit', () => {
    const min = at('2025-01-01T00:00');
    const max = at('2026-07-01T00:00');
    const phone = timeTicks(min, max, 330).ticks.length;
    const desktop = timeTicks(min, max, 1000).ticks.length;
    expect(desktop).toBeGreaterThan(phone);
    expect(desktop).toBeLessThanOrEqual(Math.floor(1000 / TICK_GAP));
  });
});

describe('two months on a phone-wide chart', () => {
  it('labels both month starts, not one', () => {
    const sep1 = new Date(2026, 8, 1, 8).getTime() / 1000;
    const nov1 = new Date(2026, 10, 1, 8).getTime() / 1000;
    for (const width of [150, 230]) {
      const { ticks } = timeTicks(sep1, nov1, width);
      expect(ticks.map((t) => new Date(t * 1000).getMonth())).toEqual([9, 10]);
    }
  });
});
