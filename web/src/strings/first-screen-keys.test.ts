import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { FIRST_SCREEN_KEYS, pickKeys } from './first-screen-keys.ts';
import { fr } from './fr.ts';

describe('the first screen strings', () => {
  it('name strings that exist, in both languages', () => {
    expect(() => pickKeys(en, FIRST_SCREEN_KEYS)).not.toThrow();
    expect(() => pickKeys(fr, FIRST_SCREEN_KEYS)).not.toThrow();
  });

  it('keep whole subtrees under the named keys and nothing else', () => {
    const picked = pickKeys(en, ['vault.unlock', 'nav.skip']);
    expect(picked).toEqual({ vault: { unlock: en.vault.unlock }, nav: { skip: en.nav.skip } });
    expect(() => pickKeys(en, ['vault.noSuchScreen'])).toThrow(/vault\.noSuchScreen/);
  });
});
