/**
 * A backup's version that diverged from the vault's becomes a visible conflicting copy beside it, the
 * same kind of copy the sync makes (sync/conflict-copy.ts, docs/architecture.md §6.4):
 * - a record: decrypted with its profile's key and stored as a new record `cc-<tag>-<id>` (the tag
 *   comes from the backup envelope's nonce, so restoring the same file twice stores one copy); when
 *   it does not open, its envelope is kept as it is under a raw copy id, never dropped;
 * - a profile: a seventh profile would break the limit, so the backup's values that differ become a
 *   note in that profile, as the sync does.
 */
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { Profile } from '../../../shared/schema/profile.ts';
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openProfileEnvelope, openRecordEnvelope, sealRecordEnvelope } from '../records/envelope-codec.ts';
import { copyId, rawCopyId } from '../sync/conflict-copy.ts';
import { sameValue } from '../sync/merge.ts';
import { saveConflictCopy } from '../sync/save-conflict-copy.ts';

export async function copyRecord(
  db: CarnetDatabase,
  envelope: StoredEnvelope,
  profileKey: SymmetricKey | undefined,
): Promise<void> {
  if (profileKey) {
    try {
      const parsed = openRecordEnvelope(envelope, profileKey);
      if (parsed.ok) {
        const target = { profileId: envelope.profileId, id: copyId(envelope), rev: 1 };
        await saveConflictCopy(db, sealRecordEnvelope(target, parsed.value, profileKey));
        return;
      }
    } catch {
      // Falls through to the raw copy.
    }
  }
  const id = rawCopyId(envelope);
  if (id !== null) await saveConflictCopy(db, { ...envelope, id, updatedAt: 0 });
}

export async function copyProfile(
  db: CarnetDatabase,
  backup: StoredEnvelope,
  backupVaultKey: SymmetricKey,
  current: StoredEnvelope | undefined,
  currentVaultKey: SymmetricKey,
): Promise<void> {
  const theirs = openProfileEnvelope(backup, backupVaultKey);
  const ours = current ? openProfileEnvelope(current, currentVaultKey) : null;
  const key = ours?.key ?? theirs.key;
  const note = profileNote(theirs.profile, ours?.profile);
  await saveConflictCopy(
    db,
    sealRecordEnvelope({ profileId: backup.id, id: copyId(backup), rev: 1 }, note, key),
  );
}

function profileNote(backup: Profile, kept: Profile | undefined): ClinicalRecord {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(backup)) {
    if (field === 'schemaVersion' || sameValue(value, (kept as Record<string, unknown> | undefined)?.[field]))
      continue;
    lines.push(`${field}: ${String(value)}`);
  }
  return {
    kind: 'note',
    schemaVersion: 1,
    title: backup.displayName,
    body: lines.join('\n').slice(0, 20_000) || backup.displayName,
    tags: ['conflicting-copy', 'profile', 'backup'],
  };
}
