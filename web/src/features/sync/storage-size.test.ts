import { describe, expect, it } from 'vitest';
import { formatBytes } from './storage-size.ts';

const en = (value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('en', options).format(value);
const fr = (value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('fr', options).format(value);

describe('storage sizes', () => {
  it('in the user’s units and language', () => {
    expect(formatBytes(en, 512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(en, 1536)).toBe('1.5 kB');
    expect(formatBytes(en, 300)).toBe('300 byte');
    expect(formatBytes(fr, 480.5 * 1024 * 1024)).toMatch(/^480,5\sMo$/);
    expect(formatBytes(fr, 2 * 1024 ** 3)).toMatch(/^2\sGo$/);
  });
});
