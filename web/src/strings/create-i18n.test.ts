import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { memoryLocaleStorage } from '../i18n/locale-storage.ts';
import { createI18n } from './create-i18n.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

describe('createI18n', () => {
  it('starts from the stored choice and serves its strings', () =>
    createRoot((dispose) => {
      const i18n = createI18n({ storage: memoryLocaleStorage('fr'), preferred: ['en-US'] });
      expect(i18n.locale()).toBe('fr');
      expect(i18n.t('app.tagline')).toBe(fr.app.tagline);
      dispose();
    }));

  it('switches language, remembers the choice, and formats dates and numbers for it', () =>
    createRoot((dispose) => {
      const storage = memoryLocaleStorage();
      const i18n = createI18n({ storage, preferred: ['en-US'] });
      expect(i18n.t('app.tagline')).toBe(en.app.tagline);
      expect(i18n.formatDate('2026-03-05')).toBe('Mar 5, 2026');
      expect(i18n.formatNumber(1234.5)).toBe('1,234.5');

      i18n.setLocale('fr');
      expect(i18n.locale()).toBe('fr');
      expect(i18n.t('app.tagline')).toBe(fr.app.tagline);
      expect(storage.load()).toBe('fr');
      expect(i18n.formatDate('2026-03-05')).toBe('5 mars 2026');
      expect(i18n.formatNumber(1234.5)).toBe('1\u202f234,5');
      dispose();
    }));
});

describe('dictionaries', () => {
  it('have a non-empty French entry for every English one, of the same type', () => {
    const leaves = (value: unknown, prefix = ''): [string, unknown][] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
        : [[prefix, value]];
    const french = new Map(leaves(fr));
    for (const [key, english] of leaves(en)) {
      const translation = french.get(key);
      expect(typeof translation, key).toBe(typeof english);
      if (typeof translation === 'string') expect(translation.length, key).toBeGreaterThan(0);
    }
  });
});
