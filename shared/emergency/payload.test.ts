import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url.ts';
import {
  boundedInflate,
  decodeFragment,
  EmergencyPayloadError,
  emergencyFragment,
  emergencyFragmentOf,
  emergencyLink,
  encodePayload,
  MAX_FRAGMENT_LENGTH,
  MAX_INFLATED_BYTES,
} from './payload.ts';
import { emptyEmergencyProfile } from './profile.ts';
import { EXAMPLE_PROFILE, randomProfile, seededRandom } from './testing.ts';

function reasonOf(fragment: string): string {
  try {
    decodeFragment(fragment);
    return 'ok';
  } catch (error) {
    return error instanceof EmergencyPayloadError ? error.reason : 'other';
  }
}

describe('emergency payload', () => {
  it('round-trips the example profile through the link', () => {
    const link = emergencyLink('https://carnet.example', EXAMPLE_PROFILE);
    expect(link).toMatch(/^https:\/\/carnet\.example\/e#1\.[A-Za-z0-9_-]+$/);
    const fragment = emergencyFragmentOf(link, 'https://carnet.example');
    expect(fragment).toBeDefined();
    expect(decodeFragment(fragment ?? '')).toEqual(EXAMPLE_PROFILE);
    expect(decodeFragment(`#${fragment}`)).toEqual(EXAMPLE_PROFILE);
  });

  it('round-trips random profiles (property, 300 cases)', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 300; i++) {
      const profile = randomProfile(random);
      expect(decodeFragment(emergencyFragment(profile))).toEqual(profile);
    }
  });

  it('is compact: the example link is far under the QR budget', () => {
    expect(emergencyLink('https://carnet.example', EXAMPLE_PROFILE).length).toBeLessThan(500);
  });

  it('carries no health data in clear in the link', () => {
    expect(encodePayload(EXAMPLE_PROFILE)).not.toContain('diabetes');
  });

  it('says which link is not a Carnet emergency link', () => {
    expect(emergencyFragmentOf('https://evil.example/e#1.abc', 'https://carnet.example')).toBeUndefined();
    expect(emergencyFragmentOf('https://carnet.example/s#1.abc', 'https://carnet.example')).toBeUndefined();
  });

  it('refuses an unknown version', () => {
    expect(reasonOf(`2.${encodePayload(EXAMPLE_PROFILE)}`)).toBe('bad-version');
    expect(reasonOf(`0.${encodePayload(EXAMPLE_PROFILE)}`)).toBe('bad-version');
  });

  it('refuses damaged payloads', () => {
    const fragment = emergencyFragment(EXAMPLE_PROFILE);
    expect(reasonOf('')).toBe('corrupt');
    expect(reasonOf('garbage')).toBe('corrupt');
    expect(reasonOf('1.')).toBe('corrupt');
    expect(reasonOf('1.!!!!')).toBe('corrupt');
    expect(reasonOf(fragment.slice(0, fragment.length - 12))).toBe('corrupt');
    expect(reasonOf(`1.${toBase64Url(strToU8('not deflate at all'))}`)).toBe('corrupt');
  });

  it('refuses a decompression bomb before it grows (bounded inflate)', () => {
    // ~3 KB of base64url (fits a QR code) that would inflate to 2 MiB of spaces.
    const bomb = deflateSync(new Uint8Array(2 * 1024 * 1024).fill(32), { level: 9 });
    const fragment = `1.${toBase64Url(bomb)}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    expect(reasonOf(fragment)).toBe('corrupt');
    expect(() => boundedInflate(bomb)).toThrow(/too large/);
    // Just under the ceiling still inflates.
    const fits = deflateSync(new Uint8Array(MAX_INFLATED_BYTES).fill(32));
    expect(boundedInflate(fits).length).toBe(MAX_INFLATED_BYTES);
  });

  it('refuses an overlong fragment before decoding it', () => {
    const big = deflateSync(strToU8(JSON.stringify({ l: 'en', n: 'A', u: '2026-01-01' })));
    const padded = `1.${toBase64Url(big)}${'A'.repeat(MAX_FRAGMENT_LENGTH)}`;
    expect(reasonOf(padded)).toBe('corrupt');
  });

  it('refuses well-formed payloads that are not a profile', () => {
    const encode = (value: unknown) => `1.${toBase64Url(deflateSync(strToU8(JSON.stringify(value))))}`;
    expect(reasonOf(encode({ n: 'A' }))).toBe('invalid');
    expect(reasonOf(encode([1, 2]))).toBe('invalid');
    expect(reasonOf(encode({ l: 'de', n: 'A', u: '2026-01-01' }))).toBe('invalid');
    expect(reasonOf(encode({ l: 'en', n: 'A', u: '2026-01-01', k: [['B', 'javascript:alert(1)']] }))).toBe(
      'invalid',
    );
    expect(reasonOf(encode({ l: 'en', n: 'A', u: '2026-01-01', z: 1 }))).toBe('invalid');
    expect(reasonOf(encode({ l: 'en', n: 'A', u: '2026-01-01' }))).toBe('ok');
  });

  it('refuses to encode an invalid profile', () => {
    expect(() => encodePayload({ ...emptyEmergencyProfile('', 'en', '2026-01-01') })).toThrow();
  });
});
