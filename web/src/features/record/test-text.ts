/** A `RecordText` for unit tests, straight from the dictionaries, with Intl formats of the locale. */
import * as i18n from '@solid-primitives/i18n';
import type { RecordText, TemplateArgs } from './record-text.ts';
import { recordEn, recordFr } from './strings.ts';

export function testText(locale: 'en' | 'fr' = 'en'): RecordText {
  const flat = i18n.flatten(locale === 'en' ? recordEn : recordFr) as Record<string, unknown>;
  return {
    tr(key: string, args?: TemplateArgs) {
      const value = flat[key];
      if (typeof value !== 'string') throw new Error(`missing string record.${key} (${locale})`);
      return i18n.resolveTemplate(value, args ?? {});
    },
    formatDate(value, options = { dateStyle: 'medium' }) {
      const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      const date = dateOnly ? new Date(`${value}T12:00:00Z`) : new Date(value);
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
  };
}
