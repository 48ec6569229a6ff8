import { beforeAll, describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from './base32.ts';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_CHARS,
} from './recovery-key.ts';
import { initCrypto } from './sodium.ts';
import { symmetricKey } from './symmetric-key.ts';
import { expectReason } from './testing.ts';

beforeAll(initCrypto);

describe('recovery key', () => {
  it('is 56 Crockford base32 characters in 14 groups of 4', () => {
    const { text } = generateRecoveryKey();
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
    expect(text.replace(/-/g, '')).toHaveLength(RECOVERY_KEY_CHARS);
  });

  it('round-trips, forgiving case, spaces and look-alike letters', () => {
    const { key, text } = generateRecoveryKey();
    expect(parseRecoveryKey(text).id).toBe(key.id);
    const sloppy = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(parseRecoveryKey(sloppy).id).toBe(key.id);
  });

  it('encodes a known key to a known text (format is stable across versions)', () => {
    const key = symmetricKey(Uint8Array.from({ length: 32 }, (_, i) => i));
    // Expected value computed independently (Python: base64.b32encode + CRC-24/OpenPGP, Crockford alphabet).
    const expected = '000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFT-5WF7';
    expect(formatRecoveryKey(key)).toBe(expected);
    expect(parseRecoveryKey(expected).id).toBe(key.id);
  });

  it('catches every single-character typo by its checksum', () => {
    const { text } = generateRecoveryKey();
    const compact = text.replace(/-/g, '');
    let tried = 0;
    for (let position = 0; position < compact.length; position++) {
      for (const replacement of CROCKFORD_ALPHABET) {
        if (replacement === compact[position]) continue;
        const typo = compact.slice(0, position) + replacement + compact.slice(position + 1);
        const error = expectReason(() => parseRecoveryKey(typo), 'bad-recovery-key');
        expect(error.meta.problem).toBe('checksum');
        tried++;
      }
    }
    expect(tried).toBe(56 * 31);
  });

  it('catches swapped neighbouring characters', () => {
    const { text } = generateRecoveryKey();
    const compact = text.replace(/-/g, '');
    for (let i = 0; i + 1 < compact.length; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = `${compact.slice(0, i)}${compact[i + 1]}${compact[i]}${compact.slice(i + 2)}`;
      expectReason(() => parseRecoveryKey(swapped), 'bad-recovery-key');
    }
  });

  it('says which character is not allowed, and when the length is wrong', () => {
    const { text } = generateRecoveryKey();
    const withU = `U${text.slice(1)}`;
    const bad = expectReason(() => parseRecoveryKey(withU), 'bad-recovery-key');
    expect(bad.meta).toMatchObject({ problem: 'character', position: 1 });
    const short = expectReason(() => parseRecoveryKey(text.slice(0, -2)), 'bad-recovery-key');
    expect(short.meta).toMatchObject({ problem: 'length', length: 54 });
  });
});
