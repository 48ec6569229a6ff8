import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, estimateStrength } from './passphrase-strength.ts';
import { vaultEn } from './strings.ts';

describe('estimateStrength (zxcvbn-ts, loaded lazily)', () => {
  it('rates a few unrelated words as strong in both languages', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const estimate = await estimateStrength('orchard-glacier-thimble-2049', locale);
      expect(estimate?.score).toBeGreaterThanOrEqual(3);
      expect(estimate?.crackSeconds).toBeGreaterThan(3e9);
    }
  });

  it('rates common passwords as weak and explains why with keys the UI translates', async () => {
    const estimate = await estimateStrength('password123', 'en');
    expect(estimate?.score).toBe(0);
    expect(estimate?.warning).toBeTruthy();
    expect(Object.keys(vaultEn.strength.warnings)).toContain(estimate?.warning);
    for (const suggestion of estimate?.suggestions ?? []) {
      expect(Object.keys(vaultEn.strength.suggestions)).toContain(suggestion);
    }
  });

  it('uses the French dictionaries for French', async () => {
    const fr = await estimateStrength('bonjourmadame', 'fr');
    const en = await estimateStrength('bonjourmadame', 'en');
    expect(fr?.score ?? 4).toBeLessThan(3);
    expect(fr?.crackSeconds ?? 0).toBeLessThan(en?.crackSeconds ?? 0);
  });

  it('penalizes the app name', async () => {
    const estimate = await estimateStrength('carnetcarnet', 'en');
    expect(estimate?.score ?? 4).toBeLessThan(3);
  });
});

describe('checkNewPassphrase', () => {
  it('accepts a strong, confirmed passphrase', async () => {
    const passphrase = 'orchard-glacier-thimble-2049';
    expect(await checkNewPassphrase({ passphrase, confirmation: passphrase, locale: 'en' })).toEqual({});
  });

  it('refuses a long but guessable one', async () => {
    const passphrase = 'password1234';
    expect(await checkNewPassphrase({ passphrase, confirmation: passphrase, locale: 'fr' })).toEqual({
      passphrase: 'too-weak',
    });
  });

  it('refuses an empty one without loading anything', async () => {
    expect(await checkNewPassphrase({ passphrase: '', confirmation: '', locale: 'en' })).toEqual({
      passphrase: 'too-short',
    });
  });
});
