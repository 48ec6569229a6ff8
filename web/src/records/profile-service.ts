/**
 * Family profiles. A profile envelope is encrypted with the vault key and holds the profile and its
 * own random key: that envelope *is* the wrap of the profile key, bound by its additional data to
 * the profile id. At most MAX_PROFILES per vault.
 */
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { MAX_PROFILES, type Profile } from '../../../shared/schema/profile.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import { newId } from '../core/ids.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import type { Session } from '../vault/vault-service.ts';
import { checkProfile, newProfileKey, openProfileEnvelope, sealProfileEnvelope } from './envelope-codec.ts';
import { removeSealed, removeSealedWhere } from './sealed-removal.ts';
import { withLock } from './with-lock.ts';

export interface ProfileEntry {
  readonly id: string;
  readonly rev: number;
  readonly profile: Profile;
  readonly key: SymmetricKey;
}

export function decryptProfile(envelope: StoredEnvelope, session: Session): ProfileEntry {
  try {
    const { profile, key } = openProfileEnvelope(envelope, session.vaultKey);
    return { id: envelope.id, rev: envelope.rev, profile, key };
  } catch (error) {
    throw toAppError(error);
  }
}

function sealProfile(
  id: string,
  rev: number,
  profile: Profile,
  key: SymmetricKey,
  session: Session,
): StoredEnvelope {
  return sealProfileEnvelope({ id, rev }, { profile, key }, session.vaultKey);
}

export class ProfileService {
  constructor(
    private readonly db: CarnetDatabase,
    private readonly session: Session,
  ) {}

  async list(): Promise<ProfileEntry[]> {
    const docs = await this.db.profiles.find().exec();
    return docs.map((doc) => decryptProfile(doc.toJSON() as StoredEnvelope, this.session));
  }

  async create(input: Profile): Promise<ProfileEntry> {
    const profile = checkProfile(input);
    // Count and insert under one lock, so two tabs (or two clicks) cannot both pass the check.
    return withLock('carnet-profiles', async () => {
      const count = await this.db.profiles.count().exec();
      if (count >= MAX_PROFILES) {
        throw new AppError('profile-limit', `at most ${MAX_PROFILES} profiles per vault`, {
          max: MAX_PROFILES,
        });
      }
      const id = newId();
      const key = newProfileKey();
      await this.db.profiles.insert(sealProfile(id, 1, profile, key, this.session));
      return { id, rev: 1, profile, key };
    });
  }

  async update(entry: ProfileEntry, input: Profile): Promise<ProfileEntry> {
    const profile = checkProfile(input);
    const doc = await this.db.profiles.findOne(entry.id).exec();
    if (!doc) throw new AppError('not-found');
    let rev = 0;
    await doc.incrementalModify((current) => {
      // The next rev comes from the latest stored state, so concurrent saves never reuse one.
      rev = current.rev + 1;
      return sealProfile(entry.id, rev, profile, entry.key, this.session);
    });
    return { ...entry, rev, profile };
  }

  /** Deletes the profile with every record and file it holds. */
  async remove(id: string): Promise<void> {
    // Records first, profile (and its key) last: an interrupted delete can be run again.
    // Tombstones are sealed (sealed-removal.ts): records and chunks with the profile's key, the
    // profile itself with the vault key, like the envelopes they replace.
    const doc = await this.db.profiles.findOne(id).exec();
    if (!doc) return;
    const { key } = decryptProfile(doc.toJSON() as StoredEnvelope, this.session);
    await removeSealedWhere(this.db.records, { profileId: id }, key);
    await removeSealedWhere(this.db.blobs, { profileId: id }, key);
    await removeSealed([doc], this.session.vaultKey);
  }
}
