/**
 * Where each record sits in time: its clinical date (onset, start, measurement…), not when it was
 * typed in. Dates are compared as written (`2025-03-14` sorts before `2025-03-14T08:15…`), so a
 * reading keeps the day and month it was taken in, whatever zone the device is in now.
 */
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import type { RecordEntry } from '../../records/record-service.ts';

/** The record's clinical date (`YYYY-MM-DD` or an ISO date-time), or undefined for undated kinds. */
export function clinicalDate(record: ClinicalRecord): string | undefined {
  switch (record.kind) {
    case 'allergy':
    case 'condition':
      return record.onsetDate;
    case 'medication':
      return record.startDate;
    case 'vaccination':
    case 'lab-result':
    case 'document':
    case 'procedure':
    case 'advance-directive':
    case 'exercise-session':
      return record.date;
    case 'device':
      return record.startDate;
    case 'pregnancy':
      return record.recordedOn;
    case 'measurement':
      return record.measuredAt;
    case 'lifestyle':
      return record.recordedOn;
    case 'practitioner-entry':
      return record.createdAt;
    case 'consultation':
      return record.startedAt;
    case 'administrative':
    case 'emergency-contact':
    case 'note':
    case 'emergency-profile':
    case 'family-history':
      return undefined;
  }
}

function dateOf(entry: RecordEntry): string {
  return entry.record ? (clinicalDate(entry.record) ?? '') : '';
}

/** Newest clinical date first; undated and unreadable entries last, most recently synced first. */
export function sortByClinicalDate(entries: readonly RecordEntry[]): RecordEntry[] {
  return [...entries].sort((a, b) => {
    const byDate = dateOf(b).slice(0, 16).localeCompare(dateOf(a).slice(0, 16));
    if (byDate !== 0) return byDate;
    if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
    return a.id.localeCompare(b.id);
  });
}

export interface MonthGroup {
  /** `YYYY-MM`, or null for the entries without a date. */
  readonly month: string | null;
  readonly entries: readonly RecordEntry[];
}

/** Consecutive entries of the same month, in the order given (sort first). */
export function groupByMonth(sorted: readonly RecordEntry[]): MonthGroup[] {
  const groups: { month: string | null; entries: RecordEntry[] }[] = [];
  for (const entry of sorted) {
    const date = dateOf(entry);
    const month = date === '' ? null : date.slice(0, 7);
    const last = groups.at(-1);
    if (last && last.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}
