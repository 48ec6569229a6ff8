import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { initCrypto, sodium } from './sodium.ts';

beforeAll(initCrypto);

/** libsodium's URLSAFE_NO_PADDING, the reference this module must match exactly. */
function reference(text: string): Uint8Array | 'invalid' {
  const s = sodium();
  try {
    return s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    return 'invalid';
  }
}

function ours(text: string): Uint8Array | 'invalid' {
  try {
    return fromBase64(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return 'invalid';
  }
}

describe('base64url', () => {
  it('encodes every length like libsodium and decodes back', () => {
    const s = sodium();
    for (let length = 0; length <= 300; length++) {
      const bytes = s.randombytes_buf(length);
      const text = toBase64(bytes);
      expect(text).toBe(s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it('accepts and refuses exactly what libsodium does', () => {
    const cases = [
      '',
      'A',
      'AA',
      'AB',
      'AAA',
      'AAB',
      'AAAA',
      'AA==',
      'AAA=',
      'AA AA',
      'AA\nAA',
      'AA+A',
      'AA/A',
      '-_-_',
      'é€AA',
      'AAAAA',
      'Zm9vYmFy',
      'Zm9vYmE',
      'Zm9vYmF',
    ];
    // Random texts over the alphabet plus a few foreign characters, of every length modulo 4.
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .é';
    const random = sodium().randombytes_buf(4000);
    for (let i = 0; i < 400; i++) {
      const length = (random[i] ?? 0) % 13;
      let text = '';
      for (let j = 0; j < length; j++) {
        const r = random[(i * 7 + j) % random.length] ?? 0;
        // Mostly alphabet characters, so many random texts are valid.
        text += chars[r < 230 ? r % 64 : r % chars.length];
      }
      cases.push(text);
    }
    let valid = 0;
    for (const text of cases) {
      const expected = reference(text);
      expect([text, ours(text)]).toEqual([text, expected]);
      if (expected !== 'invalid') valid++;
    }
    // Both outcomes were exercised.
    expect(valid).toBeGreaterThan(50);
    expect(cases.length - valid).toBeGreaterThan(50);
  });

  it('names the field in its error', () => {
    expect(() => fromBase64('A', 'nonce')).toThrow('nonce is not valid base64url');
  });
});
