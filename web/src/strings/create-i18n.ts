/**
 * i18n on @solid-primitives/i18n: flattened typed dictionaries, `{{ name }}` templates, and
 * functions for plurals. Dates and numbers go through Intl in the current locale.
 * The app starts with the first screen's strings only (lazy-dictionaries.ts) and loads the whole
 * dictionary of its language when asked (`loadAll`: with the store, or before any other screen);
 * from then on a language is switched to once its whole dictionary is there.
 */
import * as i18n from '@solid-primitives/i18n';
import { type Accessor, createMemo, createSignal } from 'solid-js';
import { elideTemplate } from '../i18n/elide.ts';
import type { LocaleStorage } from '../i18n/locale-storage.ts';
import { type Locale, resolveInitialLocale } from '../i18n/locales.ts';
import type { Dictionary, PartialDictionary, RawDictionary } from './dictionary.ts';

/** Where the strings come from. */
export interface DictionarySource {
  /** What is there from the start, by language: whole dictionaries, or the first screen's part. */
  initial: Readonly<Record<Locale, PartialDictionary>>;
  /** The whole dictionary of a language; absent when `initial` is whole already. */
  load?: (locale: Locale) => Promise<RawDictionary>;
}

export interface I18n {
  locale: Accessor<Locale>;
  /** Switches at once, or once the new language's whole dictionary is loaded if the current one is. */
  setLocale(locale: Locale): void;
  /** Whether the current language's whole dictionary is there (not only the first screen's part). */
  complete: Accessor<boolean>;
  /** Loads the current language's whole dictionary (and later ones' before switching to them). */
  loadAll(): Promise<void>;
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
  dictionaries: DictionarySource;
}

function toDate(value: string | number | Date): Date {
  // A bare date is a calendar day, not an instant: read it at noon UTC so no time zone shifts it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return new Date(value);
}

export function createI18n({ storage, preferred, dictionaries }: CreateI18nOptions): I18n {
  const { initial, load } = dictionaries;
  const [locale, setLocaleSignal] = createSignal<Locale>(resolveInitialLocale(storage.load(), preferred));
  const [whole, setWhole] = createSignal<Partial<Record<Locale, RawDictionary>>>({});
  const loading = new Map<Locale, Promise<void>>();
  // Once the whole dictionary was asked for, every screen may need any string: keep it whole.
  let keepWhole = false;
  let switchingTo: Locale | null = null;

  const loadWhole = (target: Locale): Promise<void> => {
    if (!load || whole()[target]) return Promise.resolve();
    let pending = loading.get(target);
    if (!pending) {
      pending = load(target).then((dictionary) => {
        setWhole((loaded) => ({ ...loaded, [target]: dictionary }));
      });
      // A failed load (offline before the first visit was cached) is tried again next time.
      pending.catch(() => loading.delete(target));
      loading.set(target, pending);
    }
    return pending;
  };
  const complete = () => !load || whole()[locale()] !== undefined;
  const loadAll = (): Promise<void> => {
    keepWhole = true;
    return loadWhole(locale());
  };
  const dictionary = createMemo(
    () => i18n.flatten((whole()[locale()] ?? initial[locale()]) as RawDictionary) as Dictionary,
  );
  // French elides "de" before a vowel ("dossier d’Alice"), which only the filled-in value decides.
  const translate = i18n.translator(
    dictionary,
    (template: string, args?: Record<string, string | number | boolean>) =>
      i18n.resolveTemplate(locale() === 'fr' && args ? elideTemplate(template, args) : template, args),
  );
  // A string the first screen's part lacks still shows: asking for it loads the whole dictionary.
  const t = ((key: string, args?: Record<string, string | number | boolean>) => {
    const text = (translate as (key: string, args?: unknown) => unknown)(key, args);
    if (text === undefined && !complete()) void loadAll().catch(() => undefined);
    return text;
  }) as i18n.Translator<Dictionary>;

  return {
    locale,
    setLocale(next) {
      storage.save(next);
      switchingTo = next;
      if (!keepWhole || !load || whole()[next]) {
        setLocaleSignal(next);
        return;
      }
      // The screen keeps its language until the other one's strings are all there: no blanks.
      const show = () => {
        if (switchingTo === next) setLocaleSignal(next);
      };
      loadWhole(next).then(show, show);
    },
    complete,
    loadAll,
    t,
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
