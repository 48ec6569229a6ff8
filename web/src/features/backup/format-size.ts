import type { I18n } from '../../strings/create-i18n.ts';

/** Bytes in the person's language: kB under a megabyte, MB above (decimal units, as file managers show). */
export function formatSize(formatNumber: I18n['formatNumber'], bytes: number): string {
  if (bytes < 1_000_000) {
    return formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
  }
  return formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
