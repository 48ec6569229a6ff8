import { describe, expect, it } from 'vitest';
import { scanTarget } from './scan-target.ts';

const ORIGIN = 'https://carnet.example';

describe('scanTarget', () => {
  it('opens same-origin emergency and share links', () => {
    expect(scanTarget(`${ORIGIN}/e#1.abc`, ORIGIN)).toEqual({ kind: 'carnet', path: '/e#1.abc' });
    expect(scanTarget(`${ORIGIN}/s#key`, ORIGIN)).toEqual({ kind: 'carnet', path: '/s#key' });
  });

  it('never opens another origin, path, scheme, query or an empty fragment', () => {
    for (const text of [
      'https://evil.example/e#1.abc',
      'http://carnet.example/e#1.abc',
      `${ORIGIN}/settings#x`,
      `${ORIGIN}/e?next=https://evil.example#1.a`,
      `${ORIGIN}/e#`,
      `${ORIGIN}/e`,
      'javascript:alert(1)',
      'EMERGENCY MEDICAL INFORMATION\nName: Sam',
      `${ORIGIN}.evil.example/e#1.abc`,
    ]) {
      expect(scanTarget(text, ORIGIN), text).toEqual({ kind: 'text', text });
    }
  });
});
