/**
 * The keys the conflict handler needs, from the unlocked session: the vault key (profiles) and each
 * profile's key (records), read from the profile envelope in the local database. A profile that
 * arrived by sync a moment ago is found too, which the app's decrypted profile list may not have yet.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { decryptRecord } from '../../../shared/crypto/record-envelope.ts';
import { type SymmetricKey, symmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';

export interface SyncKeys {
  readonly vaultKey: SymmetricKey;
  /** The key of this profile, or undefined when this device cannot open it. */
  profileKey(profileId: string): Promise<SymmetricKey | undefined>;
}

export function syncKeysFromDatabase(db: CarnetDatabase, vaultKey: SymmetricKey): SyncKeys {
  const cache = new Map<string, { rev: number; key: SymmetricKey }>();
  return {
    vaultKey,
    async profileKey(profileId) {
      const doc = await db.profiles.findOne(profileId).exec();
      if (!doc) return cache.get(profileId)?.key;
      const envelope = doc.toJSON() as StoredEnvelope;
      const hit = cache.get(profileId);
      if (hit?.rev === envelope.rev) return hit.key;
      try {
        const plain = decryptRecord(envelope, vaultKey) as { key?: unknown };
        if (typeof plain.key !== 'string') return undefined;
        const key = symmetricKey(fromBase64(plain.key, 'profile key'));
        cache.set(profileId, { rev: envelope.rev, key });
        return key;
      } catch {
        return hit?.key;
      }
    },
  };
}
