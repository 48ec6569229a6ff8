/**
 * Resolving a conflicting copy by hand (docs/architecture.md §6.4): the sync kept one version of a
 * record (the "kept" one, under the record's own id) and stored the other beside it as a copy. The
 * user compares the fields that differ and chooses; this module turns the choice into writes. Pure.
 *
 * - keep the kept version: the copy goes;
 * - keep the copy's version: it is written over the kept one (at the kept one's next rev), the copy goes;
 * - keep both: the copy becomes an ordinary record (a new id, no longer marked), the copy goes;
 * - merge: field by field, each differing field from the side the user picked, written over the
 *   kept one; the copy goes.
 * A copy that is not resolved stays marked, and is never offered to the emergency profile nor put in
 * a share (conflict-copy.ts `withoutConflictCopies`).
 */
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import { sameValue } from './merge.ts';

export type Side = 'kept' | 'copy';

export type Resolution =
  | { readonly choice: 'keep-kept' }
  | { readonly choice: 'keep-copy' }
  | { readonly choice: 'keep-both' }
  | { readonly choice: 'merge'; readonly picks: Readonly<Record<string, Side>> };

export interface ResolutionPlan {
  /** Written over the kept record (its id), when it changes. */
  readonly replaceKept?: ClinicalRecord;
  /** Added as a new, ordinary record. */
  readonly addRecord?: ClinicalRecord;
  /** Always: the copy is deleted once the writes above are done. */
  readonly removeCopy: true;
}

const FIXED = new Set(['kind', 'schemaVersion']);

/** The top-level fields whose values differ, sorted; a field missing on one side differs too. */
export function differingFields(kept: ClinicalRecord, copy: ClinicalRecord): string[] {
  const a = kept as Readonly<Record<string, unknown>>;
  const b = copy as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !FIXED.has(key) && !sameValue(a[key], b[key])).sort();
}

/** The kept record with each differing field taken from the side picked (the kept side by default). */
export function mergeByField(
  kept: ClinicalRecord,
  copy: ClinicalRecord,
  picks: Readonly<Record<string, Side>>,
): ClinicalRecord {
  if (kept.kind !== copy.kind) return kept;
  const merged: Record<string, unknown> = { ...kept };
  const from = copy as Readonly<Record<string, unknown>>;
  for (const field of differingFields(kept, copy)) {
    if (picks[field] !== 'copy') continue;
    if (from[field] === undefined) delete merged[field];
    else merged[field] = from[field];
  }
  return merged as ClinicalRecord;
}

export function planResolution(
  kept: ClinicalRecord,
  copy: ClinicalRecord,
  resolution: Resolution,
): ResolutionPlan {
  switch (resolution.choice) {
    case 'keep-kept':
      return { removeCopy: true };
    case 'keep-copy':
      return sameValue(kept, copy) ? { removeCopy: true } : { replaceKept: copy, removeCopy: true };
    case 'keep-both':
      return { addRecord: copy, removeCopy: true };
    case 'merge': {
      const merged = mergeByField(kept, copy, resolution.picks);
      return sameValue(merged, kept) ? { removeCopy: true } : { replaceKept: merged, removeCopy: true };
    }
  }
}
