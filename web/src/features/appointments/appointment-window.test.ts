import { describe, expect, it } from 'vitest';
import { isUpcoming, roomIsOpen } from './appointment-window.ts';

describe('appointment window', () => {
  const start = Date.UTC(2026, 0, 5, 8, 0);
  it('opens the waiting room 10 minutes before and closes it at the end', () => {
    expect(roomIsOpen(start, 30, start - 10 * 60_000 - 1)).toBe(false);
    expect(roomIsOpen(start, 30, start - 10 * 60_000)).toBe(true);
    expect(roomIsOpen(start, 30, start + 30 * 60_000)).toBe(true);
    expect(roomIsOpen(start, 30, start + 30 * 60_000 + 1)).toBe(false);
    expect(roomIsOpen(null, 30, start)).toBe(false);
  });
  it('an appointment is upcoming until its end, or while it has no time', () => {
    expect(isUpcoming(start, 30, start + 29 * 60_000)).toBe(true);
    expect(isUpcoming(start, 30, start + 31 * 60_000)).toBe(false);
    expect(isUpcoming(null, 30, start)).toBe(true);
  });
});
