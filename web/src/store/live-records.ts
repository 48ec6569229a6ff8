/**
 * Keeps decrypted views of the profile and record collections up to date: RxDB emits the full
 * result set on every change, and only envelopes whose rev or nonce changed are decrypted again.
 * A practitioner entry is verified then too, once per envelope state, and the verdict kept with the
 * decrypted record: screens read it, they never check a signature while rendering.
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { sealedState } from '../records/envelope-codec.ts';
import type { OpenedPlaintext } from '../records/opened-plaintext.ts';
import { decryptProfile, type ProfileEntry } from '../records/profile-service.ts';
import { openRecord, type RecordEntry } from '../records/record-service.ts';
import { checkStoredEntry } from '../shares/entry-payload.ts';
import type { Session } from '../vault/vault-service.ts';

function withVerdict(entry: RecordEntry): RecordEntry {
  return entry.record?.kind === 'practitioner-entry'
    ? { ...entry, verdict: checkStoredEntry(entry.record) }
    : entry;
}

export function liveProfiles(db: CarnetDatabase, session: Session): Observable<ProfileEntry[]> {
  const cache = new Map<string, { key: string; entry: ProfileEntry | null }>();
  return db.profiles.find().$.pipe(
    map((docs) => {
      const out: ProfileEntry[] = [];
      for (const doc of docs) {
        const envelope = doc.toJSON() as StoredEnvelope;
        let hit = cache.get(envelope.id);
        if (hit?.key !== sealedState(envelope)) {
          let entry: ProfileEntry | null = null;
          try {
            entry = decryptProfile(envelope, session);
          } catch {
            entry = null; // An unreadable profile is skipped: its records show as problems.
          }
          hit = { key: sealedState(envelope), entry };
          cache.set(envelope.id, hit);
        }
        if (hit.entry) out.push(hit.entry);
      }
      return out;
    }),
  );
}

/**
 * The same sealed state as `sealedState` (records/envelope-codec.ts) field by field, without
 * building a string: the full result set is compared on every change of the collection, and
 * serializing 10,000 ciphertexts per pulled page was a visible part of a fresh device's pull.
 */
function sameSealedState(a: StoredEnvelope, b: StoredEnvelope): boolean {
  return (
    a.profileId === b.profileId &&
    a.kind === b.kind &&
    a.rev === b.rev &&
    a.keyId === b.keyId &&
    a.schemaVersion === b.schemaVersion &&
    a.nonce === b.nonce &&
    a.ciphertext === b.ciphertext
  );
}

/**
 * `opened`: plaintext the pull guard already decrypted (records/opened-plaintext.ts), taken instead
 * of decrypting a pulled record a second time.
 */
export function createRecordDecryptor(
  opened?: OpenedPlaintext,
): (docs: readonly StoredEnvelope[], profiles: readonly ProfileEntry[]) => RecordEntry[] {
  const cache = new Map<string, { envelope: StoredEnvelope; entry: RecordEntry }>();
  let profileSignature = '';
  return (docs, profiles) => {
    const signature = profiles.map((p) => `${p.id}:${p.key.id}`).join(',');
    if (signature !== profileSignature) {
      cache.clear();
      profileSignature = signature;
    }
    const byId = new Map(profiles.map((p) => [p.id, p]));
    return docs.map((envelope) => {
      const hit = cache.get(envelope.id);
      if (hit && sameSealedState(hit.envelope, envelope)) return hit.entry;
      const profile = byId.get(envelope.profileId);
      const plaintext = profile ? opened?.take(envelope, profile.key.id) : undefined;
      const entry = withVerdict(openRecord(envelope, profile, plaintext));
      cache.set(envelope.id, { envelope, entry });
      return entry;
    });
  };
}
