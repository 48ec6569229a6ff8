/**
 * Deleting an envelope the authenticated way (docs/architecture.md §6.5): instead of RxDB's
 * `remove()`, which only flips `_deleted` on the old content, each document is replaced, in one write,
 * by a tombstone sealed at its next rev (envelope-codec.ts `sealTombstoneEnvelope`) and marked deleted.
 * The push handler then sends it as it is, and other devices can check the deletion came from a key
 * holder.
 *
 * Invariant: the rev is computed inside the modifier, on the latest stored state, so a concurrent
 * write is never overwritten with a stale rev.
 */
import type { RxCollection, RxDocument } from 'rxdb';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { sealTombstoneEnvelope } from './envelope-codec.ts';

export async function removeSealed(
  docs: readonly RxDocument<StoredEnvelope>[],
  key: SymmetricKey,
): Promise<void> {
  for (const doc of docs) {
    await doc.incrementalModify((current) => ({ ...sealTombstoneEnvelope(current, key), _deleted: true }));
  }
}

/** Every live document of `collection` matching `selector`, deleted with sealed tombstones. */
export async function removeSealedWhere(
  collection: RxCollection<StoredEnvelope>,
  selector: Record<string, unknown>,
  key: SymmetricKey,
): Promise<void> {
  await removeSealed(await collection.find({ selector }).exec(), key);
}
