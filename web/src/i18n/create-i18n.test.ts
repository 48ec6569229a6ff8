import { describe, expect, it } from 'vitest';
import { createI18n } from './create-i18n.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { memoryLocaleStorage } from './locale-storage.ts';

describe('createI18n', () => {
  it('starts from the stored choice and serves its dictionary', () => {
    const i18n = createI18n({ storage: memoryLocaleStorage('fr'), preferred: ['en-US'] });
    expect(i18n.locale()).toBe('fr');
    expect(i18n.t()).toBe(fr);
  });

  it('switches language and remembers the choice', () => {
    const storage = memoryLocaleStorage();
    const i18n = createI18n({ storage, preferred: ['en-US'] });
    expect(i18n.t()).toBe(en);

    i18n.setLocale('fr');
    expect(i18n.locale()).toBe('fr');
    expect(i18n.t().app.tagline).toBe(fr.app.tagline);
    expect(storage.load()).toBe('fr');
  });
});

describe('dictionaries', () => {
  it('have a non-empty French string for every English one', () => {
    const leaves = (value: unknown, prefix = ''): [string, unknown][] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
        : [[prefix, value]];
    const french = new Map(leaves(fr));
    for (const [key] of leaves(en)) {
      const translation = french.get(key);
      expect(typeof translation === 'string' && translation.length > 0, key).toBe(true);
    }
  });
});
