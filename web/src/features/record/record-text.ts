/**
 * The record feature's view of i18n: keys relative to `record.` (built from data, so not typed by
 * the dictionary — `strings.test.ts` checks that every key the specs use exists in both languages)
 * and the locale's date and number formats. Pure helpers take a `RecordText`, so they are testable
 * without a component tree.
 */
import { useI18n } from '../../i18n/i18n-context.tsx';

export type TemplateArgs = Readonly<Record<string, string | number>>;

export interface RecordText {
  /** `tr('kinds.allergy')`, `tr('issues.range', { field, min, max, unit })`. */
  tr(key: string, args?: TemplateArgs): string;
  formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

type LooseTranslator = (key: string, args?: TemplateArgs) => string | undefined;

export function useRecordText(): RecordText {
  const { t, formatDate, formatNumber } = useI18n();
  const translate = t as unknown as LooseTranslator;
  return {
    tr: (key, args) => translate(`record.${key}`, args) ?? key,
    formatDate,
    formatNumber,
  };
}

export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Dates in a table column, where width is scarce: "14/03/2026 09:30". */
export const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };
