/**
 * Clinical records of all profiles: encrypt on write, decrypt on read, validate both ways.
 * Each record envelope is encrypted with its profile's key only. A record that fails to decrypt
 * or to parse is kept and reported with its problem, never shown as if it were valid.
 */
import { wipe } from '../../../shared/crypto/bytes.ts';
import type { ReadableIssue } from '../../../shared/schema/readable-issues.ts';
import { type ClinicalRecord, parseRecord } from '../../../shared/schema/record.ts';
import { AppError, type AppErrorReason, toAppError } from '../core/app-error.ts';
import { newId } from '../core/ids.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import type { EntryVerdict } from './entry-verdict.ts';
import { openStampedRecordEnvelope, readStampedRecordBytes, sealRecordEnvelope } from './envelope-codec.ts';
import type { ProfileEntry } from './profile-service.ts';
import type { SavedStamp } from './saved-stamp.ts';
import { removeSealed, removeSealedWhere } from './sealed-removal.ts';

export interface RecordEntry {
  readonly id: string;
  readonly profileId: string;
  readonly rev: number;
  readonly updatedAt: number;
  /** null when the envelope could not be decrypted or validated; see `problem`. */
  readonly record: ClinicalRecord | null;
  readonly problem?: AppErrorReason;
  /** For a practitioner entry: the verdict of its checks, set once when the envelope is opened. */
  readonly verdict?: EntryVerdict;
  /** Which device saved this version, and when (absent for versions saved by older apps). */
  readonly saved?: SavedStamp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class InvalidRecordError extends AppError {
  constructor(readonly issues: readonly ReadableIssue[]) {
    super('invalid-record', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      field: issues[0]?.path ?? '',
    });
  }
}

export function checkRecord(input: unknown): ClinicalRecord {
  const parsed = parseRecord(input);
  if (!parsed.ok) throw new InvalidRecordError(parsed.issues);
  return parsed.value;
}

/**
 * `opened`, when given, is the plaintext the pull guard already decrypted from exactly this envelope
 * with this profile's key (records/opened-plaintext.ts): it is read instead of decrypting again, then
 * wiped.
 */
export function openRecord(
  envelope: StoredEnvelope,
  profile: ProfileEntry | undefined,
  opened?: Uint8Array,
): RecordEntry {
  const base = {
    id: envelope.id,
    profileId: envelope.profileId,
    rev: envelope.rev,
    updatedAt: envelope.updatedAt,
  };
  if (!profile) return { ...base, record: null, problem: 'wrong-key' };
  try {
    const { parsed, saved } = opened ? readOpened(opened) : openStampedRecordEnvelope(envelope, profile.key);
    return parsed.ok
      ? { ...base, record: parsed.value, ...(saved && { saved }) }
      : { ...base, record: null, problem: 'invalid-record' };
  } catch (error) {
    return { ...base, record: null, problem: toAppError(error).reason };
  }
}

function readOpened(bytes: Uint8Array): ReturnType<typeof readStampedRecordBytes> {
  try {
    return readStampedRecordBytes(bytes);
  } finally {
    wipe(bytes);
  }
}

export function sealRecord(
  id: string,
  rev: number,
  profile: ProfileEntry,
  record: ClinicalRecord,
  saved?: SavedStamp,
): StoredEnvelope {
  return sealRecordEnvelope({ profileId: profile.id, id, rev }, record, profile.key, saved);
}

export class RecordService {
  /** `stamp` names this device and the time of each save the user makes (saved-stamp.ts). */
  constructor(
    private readonly db: CarnetDatabase,
    private readonly stamp: () => SavedStamp | undefined = () => undefined,
  ) {}

  async add(profile: ProfileEntry, input: unknown, id: string = newId()): Promise<RecordEntry> {
    const record = checkRecord(input);
    // Practitioner entries arrive signed, through importSigned only: the patient cannot write one.
    if (record.kind === 'practitioner-entry') throw new AppError('read-only');
    const saved = this.stamp();
    await this.db.records.insert(sealRecord(id, 1, profile, record, saved));
    return { id, profileId: profile.id, rev: 1, updatedAt: 0, record, ...(saved && { saved }) };
  }

  /**
   * Stores a practitioner entry whose signature the caller has verified (shares/), once:
   * the id comes from the signed entry, so a second import of the same entry changes nothing.
   */
  async importSigned(profile: ProfileEntry, input: unknown, id: string): Promise<void> {
    const record = checkRecord(input);
    if (record.kind !== 'practitioner-entry' || !record.signature) throw new AppError('invalid-record');
    if (await this.db.records.findOne(id).exec()) return;
    await this.db.records.insert(sealRecord(id, 1, profile, record));
  }

  /**
   * Re-encrypts the record with the next rev. With `expectedRev`, a record changed meanwhile (in
   * another tab, or by sync) is refused with `conflict` instead of being silently overwritten.
   */
  async update(
    profile: ProfileEntry,
    id: string,
    input: unknown,
    expectedRev?: number,
  ): Promise<RecordEntry> {
    const record = checkRecord(input);
    const doc = await this.db.records.findOne(id).exec();
    if (!doc || doc.profileId !== profile.id) throw new AppError('not-found');
    const current = openRecord(doc.toJSON() as StoredEnvelope, profile);
    if (
      record.kind === 'practitioner-entry' ||
      current.record?.kind === 'practitioner-entry' ||
      (current.record?.kind === 'document' && current.record.fromEntry)
    ) {
      throw new AppError('read-only');
    }
    let rev = 0;
    const saved = this.stamp();
    await doc.incrementalModify((current) => {
      // Computed inside the modifier: it runs on the latest stored state, even under concurrency.
      if (expectedRev !== undefined && current.rev !== expectedRev) {
        throw new AppError('conflict', 'this entry was changed elsewhere meanwhile', { rev: current.rev });
      }
      rev = current.rev + 1;
      return sealRecord(id, rev, profile, record, saved);
    });
    return { id, profileId: profile.id, rev, updatedAt: 0, record, ...(saved && { saved }) };
  }

  /**
   * Deletes with sealed tombstones (sealed-removal.ts), so it needs the record's profile among
   * `profiles` (else `wrong-key`); refuses (reason `read-only`) to delete a practitioner's signed entry.
   */
  async remove(id: string, profiles: readonly ProfileEntry[]): Promise<void> {
    const doc = await this.db.records.findOne(id).exec();
    if (!doc) return;
    const profile = profiles.find((p) => p.id === doc.profileId);
    if (!profile) throw new AppError('wrong-key');
    // Signed by a practitioner (an entry, or the file attached to one): the patient cannot alter it.
    const record = openRecord(doc.toJSON() as StoredEnvelope, profile).record;
    if (record?.kind === 'practitioner-entry' || (record?.kind === 'document' && record.fromEntry)) {
      throw new AppError('read-only');
    }
    await removeSealed([doc], profile.key);
    // A document's chunks go with its metadata record: exactly `<id>_<index>`, nothing else.
    await removeSealedWhere(this.db.blobs, { id: { $regex: `^${escapeRegExp(id)}_\\d+$` } }, profile.key);
  }

  async list(profiles: readonly ProfileEntry[]): Promise<RecordEntry[]> {
    const byId = new Map(profiles.map((p) => [p.id, p]));
    const docs = await this.db.records.find().exec();
    return docs.map((doc) => openRecord(doc.toJSON() as StoredEnvelope, byId.get(doc.profileId)));
  }
}
