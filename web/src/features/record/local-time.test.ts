import { describe, expect, it } from 'vitest';
import { fromLocalInput, nowLocalInput, todayInput, toLocalInput } from './local-time.ts';

describe('local date-time inputs', () => {
  it('turn a local time into an instant with this device’s offset, and back', () => {
    const iso = fromLocalInput('2025-03-14T08:15');
    expect(iso).toMatch(/^2025-03-14T08:15:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso).getHours()).toBe(8);
    expect(toLocalInput(iso)).toBe('2025-03-14T08:15');
  });

  it('show an instant written elsewhere in local time', () => {
    const iso = '2025-07-01T12:00:00Z';
    const local = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(toLocalInput(iso)).toBe(
      `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}T${two(local.getHours())}:${two(local.getMinutes())}`,
    );
  });

  it('pass on what is not a real local time, for the schema to refuse', () => {
    expect(fromLocalInput('2025-02-30T08:00')).toBe('2025-02-30T08:00');
    expect(fromLocalInput('tomorrow')).toBe('tomorrow');
    expect(toLocalInput('tomorrow')).toBe('');
  });

  it('format now and today for new records', () => {
    const now = new Date(2026, 0, 5, 7, 3);
    expect(nowLocalInput(now)).toBe('2026-01-05T07:03');
    expect(todayInput(now)).toBe('2026-01-05');
  });
});
