/**
 * i18n on @solid-primitives/i18n: flattened typed dictionaries, `{{ name }}` templates, and
 * functions for plurals. Dates and numbers go through Intl in the current locale.
 */
import * as i18n from '@solid-primitives/i18n';
import { type Accessor, createMemo, createSignal } from 'solid-js';
import { elideTemplate } from '../i18n/elide.ts';
import type { LocaleStorage } from '../i18n/locale-storage.ts';
import { type Locale, resolveInitialLocale } from '../i18n/locales.ts';
import type { Dictionary, RawDictionary } from './dictionary.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

const DICTIONARIES: Readonly<Record<Locale, RawDictionary>> = { en, fr };

export interface I18n {
  locale: Accessor<Locale>;
  setLocale(locale: Locale): void;
  /** `t('vault.unlock.title')`, `t('records.count', { count: 3 })`; reactive. */
  t: i18n.Translator<Dictionary>;
  /** A date (`YYYY-MM-DD` or ISO date-time) in the current locale. */
  formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

export interface CreateI18nOptions {
  storage: LocaleStorage;
  /** The browser's preferred languages, most preferred first (`navigator.languages`). */
  preferred: readonly string[];
}

function toDate(value: string | number | Date): Date {
  // A bare date is a calendar day, not an instant: read it at noon UTC so no time zone shifts it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return new Date(value);
}

export function createI18n({ storage, preferred }: CreateI18nOptions): I18n {
  const [locale, setLocaleSignal] = createSignal<Locale>(resolveInitialLocale(storage.load(), preferred));
  const dictionary = createMemo(() => i18n.flatten(DICTIONARIES[locale()]) as Dictionary);
  return {
    locale,
    setLocale(next) {
      setLocaleSignal(next);
      storage.save(next);
    },
    // French elides "de" before a vowel ("dossier d’Alice"), which only the filled-in value decides.
    t: i18n.translator(dictionary, (template: string, args?: Record<string, string | number | boolean>) =>
      i18n.resolveTemplate(locale() === 'fr' && args ? elideTemplate(template, args) : template, args),
    ),
    formatDate(value, options = { dateStyle: 'medium' }) {
      const date = toDate(value);
      if (Number.isNaN(date.getTime())) return String(value);
      const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      return new Intl.DateTimeFormat(locale(), dateOnly ? { ...options, timeZone: 'UTC' } : options).format(
        date,
      );
    },
    formatNumber(value, options) {
      return new Intl.NumberFormat(locale(), options).format(value);
    },
  };
}
