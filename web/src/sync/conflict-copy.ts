/**
 * Ids of "conflicting copies": the local version of a record kept as a new record when a sync
 * conflict could not be merged (docs/architecture.md §6.4). The marker is the id itself, `cc-<tag>-<source id>`,
 * because the record schemas are strict and the envelope's plaintext fields are a closed list:
 * the UI shows any record whose id `isConflictCopy` as "conflicting copy", next to its source.
 *
 * - `tag` is derived from the local envelope's nonce (fresh per write), so resolving the same
 *   conflict twice (RxDB may retry) yields the same id, and the copy is stored once.
 * - A re-encrypted copy (the normal case) names the root record it was copied from.
 * - A raw copy (the local envelope could not be decrypted: vault locked, key missing, tampered) keeps
 *   its ciphertext unchanged; that ciphertext is bound to the source id and rev, so the copy names
 *   exactly its source and keeps its rev: `rawCopyBinding` gives what to decrypt it with.
 * The server learns that a conflict happened on a record; it already sees every write's timing.
 */
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { blake2b } from '../../../shared/crypto/hash.ts';
import { ID_PATTERN } from '../../../shared/schema/envelope.ts';

const PREFIX = 'cc-';
const TAG_LENGTH = 12;
const COPY_ID = new RegExp(`^${PREFIX}[A-Za-z0-9_-]{${TAG_LENGTH}}-(.+)$`);

function tag(nonce: string): string {
  return toBase64(blake2b(utf8(nonce), 16)).slice(0, TAG_LENGTH);
}

export function isConflictCopy(id: string): boolean {
  return COPY_ID.test(id);
}

/** The id the copy was made from, one level up; null if `id` is not a copy. */
export function conflictCopySource(id: string): string | null {
  return COPY_ID.exec(id)?.[1] ?? null;
}

/** The original record at the root of a chain of copies. */
export function conflictCopyRoot(id: string): string {
  let current = id;
  for (let source = conflictCopySource(current); source !== null; source = conflictCopySource(current)) {
    current = source;
  }
  return current;
}

/** Id of a re-encrypted copy of the local envelope `{id, nonce}`. */
export function copyId(source: { readonly id: string; readonly nonce: string }): string {
  return `${PREFIX}${tag(source.nonce)}-${conflictCopyRoot(source.id)}`;
}

/** Id of a raw (still encrypted as it was) copy, or null if the source id is too long to embed. */
export function rawCopyId(source: { readonly id: string; readonly nonce: string }): string | null {
  const id = `${PREFIX}${tag(source.nonce)}-${source.id}`;
  return ID_PATTERN.test(id) ? id : null;
}

/** For a raw copy that fails to open under its own id: the binding its ciphertext was made with. */
export function rawCopyBinding<T extends { readonly id: string }>(envelope: T): T | null {
  const source = conflictCopySource(envelope.id);
  return source === null ? null : { ...envelope, id: source };
}

/**
 * What may be published: every entry but the unresolved conflicting copies. A copy is the same
 * record twice, one version unconfirmed; the emergency profile and shares take the kept version only.
 */
export function withoutConflictCopies<T extends { readonly id: string }>(entries: readonly T[]): T[] {
  return entries.filter((entry) => !isConflictCopy(entry.id));
}
