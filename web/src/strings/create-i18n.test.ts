import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { memoryLocaleStorage } from '../i18n/locale-storage.ts';
import type { Locale } from '../i18n/locales.ts';
import { allDictionaries } from './all-dictionaries.ts';
import { createI18n, type DictionarySource } from './create-i18n.ts';
import type { RawDictionary } from './dictionary.ts';
import { en } from './en.ts';
import { FIRST_SCREEN_KEYS, pickKeys } from './first-screen-keys.ts';
import { fr } from './fr.ts';

/** The app's arrangement (lazy-dictionaries.ts) with loads that wait until the test lets them finish. */
function lazySource() {
  const loads: { locale: Locale; finish: () => void }[] = [];
  const source: DictionarySource = {
    initial: { en: pickKeys(en, FIRST_SCREEN_KEYS), fr: pickKeys(fr, FIRST_SCREEN_KEYS) },
    load: (locale) =>
      new Promise<RawDictionary>((resolve) => {
        loads.push({ locale, finish: () => resolve(locale === 'fr' ? fr : en) });
      }),
  };
  return { source, loads };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createI18n', () => {
  it('starts from the stored choice and serves its strings', () =>
    createRoot((dispose) => {
      const i18n = createI18n({
        storage: memoryLocaleStorage('fr'),
        preferred: ['en-US'],
        dictionaries: allDictionaries,
      });
      expect(i18n.locale()).toBe('fr');
      expect(i18n.t('app.tagline')).toBe(fr.app.tagline);
      dispose();
    }));

  it('switches language, remembers the choice, and formats dates and numbers for it', () =>
    createRoot((dispose) => {
      const storage = memoryLocaleStorage();
      const i18n = createI18n({ storage, preferred: ['en-US'], dictionaries: allDictionaries });
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

describe('createI18n with the first screen strings only', () => {
  it('serves them at once, switches language at once, and loads one whole language when asked', () =>
    createRoot(async (dispose) => {
      const { source, loads } = lazySource();
      const i18n = createI18n({ storage: memoryLocaleStorage('en'), preferred: [], dictionaries: source });
      expect(i18n.t('vault.unlock.title')).toBe(en.vault.unlock.title);
      expect(i18n.complete()).toBe(false);
      i18n.setLocale('fr');
      expect(i18n.t('vault.unlock.title')).toBe(fr.vault.unlock.title);
      expect(loads).toEqual([]);

      const all = i18n.loadAll();
      expect(loads.map((l) => l.locale)).toEqual(['fr']);
      expect(i18n.t('settings.title')).toBeUndefined();
      loads[0]?.finish();
      await all;
      expect(i18n.complete()).toBe(true);
      expect(i18n.t('settings.title')).toBe(fr.settings.title);
      dispose();
    }));

  it('once whole, keeps the old language on screen until the new one has loaded', () =>
    createRoot(async (dispose) => {
      const { source, loads } = lazySource();
      const storage = memoryLocaleStorage('en');
      const i18n = createI18n({ storage, preferred: [], dictionaries: source });
      const all = i18n.loadAll();
      loads[0]?.finish();
      await all;
      i18n.setLocale('fr');
      expect(storage.load()).toBe('fr');
      expect(i18n.locale()).toBe('en');
      expect(i18n.t('settings.title')).toBe(en.settings.title);
      expect(loads.map((l) => l.locale)).toEqual(['en', 'fr']);
      loads[1]?.finish();
      await settle();
      expect(i18n.locale()).toBe('fr');
      expect(i18n.t('settings.title')).toBe(fr.settings.title);
      // Back to a language already loaded: at once.
      i18n.setLocale('en');
      expect(i18n.locale()).toBe('en');
      dispose();
    }));

  it('loads the whole dictionary when a string outside the first screen is asked for', () =>
    createRoot(async (dispose) => {
      const { source, loads } = lazySource();
      const i18n = createI18n({ storage: memoryLocaleStorage('fr'), preferred: [], dictionaries: source });
      expect(i18n.t('documents.title')).toBeUndefined();
      expect(loads.map((l) => l.locale)).toEqual(['fr']);
      loads[0]?.finish();
      await settle();
      expect(i18n.t('documents.title')).toBe(fr.documents.title);
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
