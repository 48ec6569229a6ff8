import { describe, expect, it } from 'vitest';
import {
  FALLBACK_MIN_LENGTH,
  hasErrors,
  MIN_PASSPHRASE_LENGTH,
  passphraseLength,
  passphraseProblem,
  validateNewPassphrase,
} from './passphrase-rules.ts';

describe('passphrase rules', () => {
  it('refuses fewer than 10 characters whatever the score', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(10);
    expect(passphraseProblem('Zq9!x#Lw2', 4)).toBe('too-short');
    expect(passphraseProblem('Zq9!x#Lw2e', 4)).toBeNull();
  });

  it('refuses a score below 3 and accepts 3 and 4', () => {
    const long = 'orchard-glacier-thimble-2049';
    expect(passphraseProblem(long, 0)).toBe('too-weak');
    expect(passphraseProblem(long, 2)).toBe('too-weak');
    expect(passphraseProblem(long, 3)).toBeNull();
    expect(passphraseProblem(long, 4)).toBeNull();
  });

  it('asks for 16 characters when no estimate is available', () => {
    expect(passphraseProblem('a'.repeat(FALLBACK_MIN_LENGTH - 1), null)).toBe('too-weak');
    expect(passphraseProblem('a'.repeat(FALLBACK_MIN_LENGTH), null)).toBeNull();
    expect(passphraseProblem('a'.repeat(MIN_PASSPHRASE_LENGTH - 1), null)).toBe('too-short');
  });

  it('counts characters as a person does, in the NFC form', () => {
    expect(passphraseLength('e\u0301te\u0301')).toBe(3); // "été", decomposed
    expect(passphraseLength('🏔️')).toBe(2); // emoji + variation selector
    expect(passphraseLength('chêne')).toBe(5);
  });

  it('requires the confirmation to match, ignoring Unicode form', () => {
    expect(
      validateNewPassphrase({ passphrase: 'orchard-glacier', confirmation: 'orchard-glacie', score: 4 }),
    ).toEqual({ confirmation: 'mismatch' });
    const composed = 'forêt-été-chêne-lointain';
    const decomposed = composed.normalize('NFD');
    expect(validateNewPassphrase({ passphrase: composed, confirmation: decomposed, score: 4 })).toEqual({});
  });

  it('reports both problems at once', () => {
    const errors = validateNewPassphrase({ passphrase: 'short', confirmation: '', score: 0 });
    expect(errors).toEqual({ passphrase: 'too-short', confirmation: 'mismatch' });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({})).toBe(false);
  });

  it('refuses a new passphrase equal to the current one', () => {
    const same = 'orchard-glacier-thimble-2049';
    expect(validateNewPassphrase({ passphrase: same, confirmation: same, score: 4, current: same })).toEqual({
      passphrase: 'same-as-current',
    });
    expect(
      validateNewPassphrase({
        passphrase: same,
        confirmation: same,
        score: 4,
        current: 'something-else-entirely',
      }),
    ).toEqual({});
  });
});
