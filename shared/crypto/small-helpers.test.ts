import { beforeAll, describe, expect, it } from 'vitest';
import { constantTimeEqual, wipe } from './bytes.ts';
import { utf8 } from './encoding.ts';
import { blake2b, sha256 } from './hash.ts';
import { randomBytes, randomId } from './random.ts';
import { initCrypto } from './sodium.ts';

beforeAll(initCrypto);

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('random, hash and byte helpers', () => {
  it('hash to the published test vectors', () => {
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 7693, appendix A: BLAKE2b-512("abc").
    expect(hex(blake2b(utf8('abc'), 64))).toMatch(/^ba80a53f981c4d0d6a2797b69f12f6e9/);
    expect(blake2b(utf8('abc'), 16)).toHaveLength(16);
  });

  it('draws random ids and bytes', () => {
    expect(randomId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomId()).not.toBe(randomId());
    expect(randomBytes(32)).toHaveLength(32);
  });

  it('compares in constant time and wipes', () => {
    expect(constantTimeEqual(utf8('same'), utf8('same'))).toBe(true);
    expect(constantTimeEqual(utf8('same'), utf8('sane'))).toBe(false);
    expect(constantTimeEqual(utf8('same'), utf8('same!'))).toBe(false);
    const secret = utf8('secret');
    wipe(secret);
    expect(Array.from(secret)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
