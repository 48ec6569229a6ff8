import type { I18n } from '../../strings/create-i18n.ts';

/** Bytes in the person's language: kB, MB or GB (decimal units, as file managers show). */
export function formatSize(formatNumber: I18n['formatNumber'], bytes: number): string {
  if (bytes < 1_000_000) {
    return formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
  }
  if (bytes >= 1_000_000_000) {
    return formatNumber(bytes / 1_000_000_000, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 });
  }
  return formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
