/**
 * The keys the conflict handler needs, from the unlocked session: the vault key (profiles) and each
 * profile's key (records), read from the profile envelope in the local database. A profile that
 * arrived by sync a moment ago is found too, which the app's decrypted profile list may not have yet.
 */
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openingKey, openProfileKey } from '../records/envelope-codec.ts';

export interface SyncKeys {
  readonly vaultKey: SymmetricKey;
  /** The key of this profile, or undefined when this device cannot open it. */
  profileKey(profileId: string): Promise<SymmetricKey | undefined>;
}

/** The key that opens this envelope (envelope-codec.ts `openingKey`), or undefined. */
export async function keyFor(
  keys: SyncKeys,
  envelope: Pick<StoredEnvelope, 'kind' | 'profileId'>,
): Promise<SymmetricKey | undefined> {
  const which = openingKey(envelope);
  return which.vault ? keys.vaultKey : keys.profileKey(which.profileId);
}

export function syncKeysFromDatabase(db: CarnetDatabase, vaultKey: SymmetricKey): SyncKeys {
  const cache = new Map<string, { rev: number; key: SymmetricKey }>();
  async function profileKey(profileId: string): Promise<SymmetricKey | undefined> {
    const doc = await db.profiles.findOne(profileId).exec();
    if (!doc) return cache.get(profileId)?.key;
    const envelope = doc.toJSON() as StoredEnvelope;
    const hit = cache.get(profileId);
    if (hit?.rev === envelope.rev) return hit.key;
    try {
      const key = openProfileKey(envelope, vaultKey);
      cache.set(profileId, { rev: envelope.rev, key });
      return key;
    } catch {
      return hit?.key;
    }
  }
  return { vaultKey, profileKey };
}
