import { type Accessor, createSignal } from 'solid-js';
import type { Dictionary } from './dictionary.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { LocaleStorage } from './locale-storage.ts';
import { type Locale, resolveInitialLocale } from './locales.ts';

const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = { en, fr };

export interface I18n {
  locale: Accessor<Locale>;
  /** The strings of the current locale; reactive. */
  t: Accessor<Dictionary>;
  setLocale(locale: Locale): void;
}

export interface CreateI18nOptions {
  storage: LocaleStorage;
  /** The browser's preferred languages, most preferred first (`navigator.languages`). */
  preferred: readonly string[];
}

export function createI18n({ storage, preferred }: CreateI18nOptions): I18n {
  const [locale, setLocaleSignal] = createSignal<Locale>(resolveInitialLocale(storage.load(), preferred));
  return {
    locale,
    t: () => DICTIONARIES[locale()],
    setLocale(next) {
      setLocaleSignal(next);
      storage.save(next);
    },
  };
}
