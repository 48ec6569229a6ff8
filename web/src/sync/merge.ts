/**
 * Three-way merge of decrypted records and profiles (docs/architecture.md §6.4: conflicts are resolved on the client,
 * after decryption, and no edit is lost). Pure: values in, values out.
 *
 * The unit of merging is a top-level field; its value (text, list, nested group) is compared as a
 * whole, because a half-merged list or group could say something neither side said.
 * - changed on one side only → that side's value;
 * - changed on both sides to the same value → that value;
 * - changed on both sides to different values → the remote (master) value wins for the whole record,
 *   and the complete local version is returned as `conflictingCopy`, which the caller stores as a new,
 *   visibly marked record. The user decides; nothing is dropped silently.
 * - no base (unknown common ancestor): every field that differs counts as changed on both sides.
 * A field missing on one side is a value too: clearing an optional field is an edit.
 *
 * Deletion (tombstones) is decided first, by `resolveDeletion`: an edit beats a deletion, so a record
 * someone is still editing comes back rather than vanishing with the edit in it.
 */

export interface MergeResult<T> {
  readonly merged: T;
  /** The local version, whole, when both sides changed a field differently. */
  readonly conflictingCopy?: T;
}

type Fields = Readonly<Record<string, unknown>>;

/** Structural equality of JSON values; key order does not matter, `undefined` equals a missing key. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Fields;
  const right = b as Fields;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

function fieldOf(record: Fields | null, key: string): unknown {
  return record === null ? undefined : record[key];
}

/**
 * Merges `local` and `remote`, two descendants of `base` (null when unknown). `isValid` checks the
 * merged record against its schema: field-wise merging can break a rule that spans fields (a stop
 * date before a start date), and then the remote wins and the local version becomes the copy.
 */
export function mergeRecords<T extends object>(
  base: T | null,
  local: T,
  remote: T,
  isValid: (merged: T) => boolean = () => true,
): MergeResult<T> {
  const b = base as Fields | null;
  const l = local as Fields;
  const r = remote as Fields;
  if (sameValue(l, r)) return { merged: remote };
  const keys = [...new Set([...Object.keys(l), ...Object.keys(r), ...Object.keys(b ?? {})])].sort();
  const merged: Record<string, unknown> = {};
  let conflict = false;
  for (const key of keys) {
    const [lv, rv, bv] = [l[key], r[key], fieldOf(b, key)];
    const localChanged = b === null || !sameValue(lv, bv);
    const remoteChanged = b === null || !sameValue(rv, bv);
    let value: unknown;
    if (sameValue(lv, rv)) value = rv;
    else if (localChanged && !remoteChanged) value = lv;
    else if (remoteChanged && !localChanged) value = rv;
    else {
      conflict = true;
      break;
    }
    if (value !== undefined) merged[key] = value;
  }
  if (conflict || !isValid(merged as T)) return { merged: remote, conflictingCopy: local };
  return { merged: merged as T };
}

export type DeletionOutcome = 'keep-remote' | 'keep-local' | 'merge';

/**
 * Decides a conflict in which either side may be a tombstone. A conflict means the remote changed
 * since the local side last saw it, so:
 * - both deleted → the remote tombstone;
 * - only the local deleted → the remote edit wins (the record comes back, with the other edit);
 * - only the remote deleted → the local edit wins (the record comes back, with this edit);
 * - neither → merge the contents.
 */
export function resolveDeletion(localDeleted: boolean, remoteDeleted: boolean): DeletionOutcome {
  if (remoteDeleted) return localDeleted ? 'keep-remote' : 'keep-local';
  return localDeleted ? 'keep-remote' : 'merge';
}
