/**
 * The words of a conflict (conflict-page.tsx): which device saved a version and when, from the stamp
 * inside the record (records/saved-stamp.ts), and a field's value as the form would show it.
 */
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { deviceTag } from '../../records/this-device.ts';
import { allFormFields } from './field-specs.ts';
import { isWritableKind } from './kinds.ts';
import { DATE_TIME, type RecordText } from './record-text.ts';

/** "Saved on Chrome (Linux) · K3F9 (this device) at 4 Dec 2026, 13:40". */
export function versionText(entry: RecordEntry, thisDeviceId: string, text: RecordText): string {
  const { tr, formatDate } = text;
  const saved = entry.saved;
  const name = saved ? `${saved.label} · ${deviceTag(saved.device)}` : tr('conflict.unknownDevice');
  const device = saved?.device === thisDeviceId ? tr('conflict.thisDevice', { device: name }) : name;
  const time = saved
    ? tr('conflict.savedAt', { time: formatDate(saved.at, DATE_TIME) })
    : tr('conflict.unknownTime');
  return `${tr('conflict.savedOn', { device })} ${time}`.trim();
}

function specFor(kind: ClinicalRecord['kind'], field: string) {
  if (!isWritableKind(kind)) return undefined;
  const specs = allFormFields(kind);
  return specs.find((s) => s.path === field) ?? specs.find((s) => s.path.startsWith(`${field}.`));
}

/** The label of a top-level field, as the form names it (the field's own name otherwise). */
export function fieldLabel(kind: ClinicalRecord['kind'], field: string, text: RecordText): string {
  const spec = specFor(kind, field);
  return spec && spec.path === field ? text.tr(spec.label) : text.tr(`fields.${field}`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a person reads it: options by their label, dates in the locale, lists joined. */
export function valueText(
  kind: ClinicalRecord['kind'],
  field: string,
  value: unknown,
  text: RecordText,
): string {
  const { tr, formatDate, formatNumber } = text;
  const one = (item: unknown): string => {
    if (item === undefined || item === null || item === '') return tr('conflict.empty');
    if (typeof item === 'boolean') return tr(item ? 'conflict.yes' : 'conflict.no');
    if (typeof item === 'number') return formatNumber(item);
    if (typeof item === 'string') {
      const spec = specFor(kind, field);
      if (spec?.path === field && spec.optionLabel && spec.options?.includes(item))
        return spec.optionLabel(item, text);
      if (ISO_DATE.test(item)) return formatDate(item);
      if (ISO_INSTANT.test(item)) return formatDate(item, DATE_TIME);
      return item;
    }
    if (Array.isArray(item)) return item.length === 0 ? tr('conflict.empty') : item.map(one).join(', ');
    return Object.entries(item as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${one(inner)}`)
      .join('; ');
  };
  return one(value);
}
