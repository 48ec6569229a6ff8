/**
 * The keys the conflict handler needs, from the unlocked session: the vault key (profiles) and each
 * profile's key (records), read from the profile envelope in the local database. A profile that
 * arrived by sync a moment ago is found too, which the app's decrypted profile list may not have yet.
 */
import type { Subscription } from 'rxjs';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openingKey, openProfileKey } from '../records/envelope-codec.ts';

export interface SyncKeys {
  readonly vaultKey: SymmetricKey;
  /** The key of this profile, or undefined when this device cannot open it. */
  profileKey(profileId: string): Promise<SymmetricKey | undefined>;
  /** Stops watching the database (the session ended). */
  dispose?(): void;
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
  // What a lookup found, valid until the profiles collection changes: the pull guard asks once per
  // pulled document, and a database query each time was a visible part of a pull (issue 15).
  let version = 0;
  let changes: Subscription | null = null;
  const found = new Map<string, { version: number; key: SymmetricKey | undefined }>();
  async function lookUp(profileId: string): Promise<SymmetricKey | undefined> {
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
  async function profileKey(profileId: string): Promise<SymmetricKey | undefined> {
    changes ??= db.profiles.$.subscribe(() => {
      version++;
    });
    const known = found.get(profileId);
    if (known?.version === version) return known.key;
    // Taken before the lookup: a change meanwhile leaves this answer stale, so it is asked again.
    const at = version;
    const key = await lookUp(profileId);
    found.set(profileId, { version: at, key });
    return key;
  }
  return {
    vaultKey,
    profileKey,
    dispose() {
      changes?.unsubscribe();
      changes = null;
      found.clear();
    },
  };
}
