/**
 * Record envelopes opened once, read once more (issue 15): the pull guard (sync/pull-guard.ts) must
 * decrypt every pulled record to authenticate it, and the record list (store/live-records.ts) decrypts
 * the same envelope a moment later to show it. The guard leaves the plaintext here; the list takes it
 * instead of decrypting again.
 *
 * Invariants:
 * - An entry is handed out only for the exact sealed state it was opened from (every field the
 *   additional data binds, the nonce and the ciphertext) and the key that opened it; anything else
 *   is a miss, and the reader decrypts as before. So a hit is what decrypting would have returned.
 * - Taking an entry removes it; at most `MAX_ENTRIES` wait (the oldest are dropped), since an accepted
 *   envelope may never reach the list (e.g. a local write overtook it).
 * - One handoff per database; `clear` (on lock) wipes what waits.
 */
import { wipe } from '../../../shared/crypto/bytes.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';

export const MAX_ENTRIES = 5_000;

type Sealed = Pick<
  StoredEnvelope,
  'id' | 'profileId' | 'kind' | 'rev' | 'keyId' | 'schemaVersion' | 'nonce' | 'ciphertext'
>;

function sameSealed(a: Sealed, b: Sealed): boolean {
  return (
    a.id === b.id &&
    a.profileId === b.profileId &&
    a.kind === b.kind &&
    a.rev === b.rev &&
    a.keyId === b.keyId &&
    a.schemaVersion === b.schemaVersion &&
    a.nonce === b.nonce &&
    a.ciphertext === b.ciphertext
  );
}

export class OpenedPlaintext {
  private readonly byId = new Map<string, { sealed: Sealed; keyId: string; bytes: Uint8Array }>();

  /** `bytes` is what `decryptBytes(envelope, key)` returned; the handoff now owns them. */
  remember(envelope: Sealed, keyId: string, bytes: Uint8Array): void {
    const { id, profileId, kind, rev, schemaVersion, nonce, ciphertext } = envelope;
    this.drop(id);
    this.byId.set(id, {
      sealed: { id, profileId, kind, rev, keyId: envelope.keyId, schemaVersion, nonce, ciphertext },
      keyId,
      bytes,
    });
    while (this.byId.size > MAX_ENTRIES) {
      const oldest = this.byId.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  /** The plaintext of exactly this envelope opened with the key `keyId`, once; otherwise undefined. */
  take(envelope: Sealed, keyId: string): Uint8Array | undefined {
    const hit = this.byId.get(envelope.id);
    if (!hit) return undefined;
    this.byId.delete(envelope.id);
    if (hit.keyId === keyId && sameSealed(hit.sealed, envelope)) return hit.bytes;
    wipe(hit.bytes);
    return undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  clear(): void {
    for (const { bytes } of this.byId.values()) wipe(bytes);
    this.byId.clear();
  }

  private drop(id: string): void {
    const hit = this.byId.get(id);
    if (!hit) return;
    wipe(hit.bytes);
    this.byId.delete(id);
  }
}

const perDatabase = new WeakMap<object, OpenedPlaintext>();

/** The handoff of this database (one per open database). */
export function openedPlaintext(db: object): OpenedPlaintext {
  let handoff = perDatabase.get(db);
  if (!handoff) {
    handoff = new OpenedPlaintext();
    perDatabase.set(db, handoff);
  }
  return handoff;
}
