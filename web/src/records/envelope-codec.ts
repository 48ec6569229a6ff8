/**
 * The envelope codec: the one module that turns what the device keeps into encrypted envelopes and
 * back, for every synced collection, and that says which key opens an envelope.
 *
 * - `profiles`: a profile and its own random key, sealed with the vault key
 *   (shared/crypto/profile-key.ts knows the plaintext layout);
 * - `records`: one clinical record, sealed with its profile's key;
 * - `blobs`: one chunk of a document's bytes, sealed with its profile's key, always rev 1 (chunks
 *   are written once and never changed).
 *
 * - tombstones: a deletion is the envelope's next rev, sealed with the key that opens it and the
 *   deletion flag bound (record-envelope.ts version 2), so no server can forge or flip one.
 *
 * Invariants: the envelope format is shared/crypto/record-envelope.ts's and does not change here
 * (other devices and the server hold it); a record or chunk is never sealed with the vault key, nor a
 * profile with a profile key; a freshly sealed envelope has `updatedAt` 0 (the server assigns it).
 * Opening returns checked content or throws: a `CryptoError` for keys and tampering, an
 * `AppError('invalid-record')` for a profile that decrypts to something else; a record's validation
 * result is returned as is, for the caller to report the record as a problem.
 */
import {
  generateProfileKey,
  openProfileSecret,
  sealProfileSecret,
} from '../../../shared/crypto/profile-key.ts';
import {
  decryptBytes,
  decryptRecord,
  encryptBytes,
  encryptRecord,
  recordFromBytes,
  sealTombstone,
} from '../../../shared/crypto/record-envelope.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type Profile, profileSchema } from '../../../shared/schema/profile.ts';
import { type ParseResult, parseWith } from '../../../shared/schema/readable-issues.ts';
import { type ClinicalRecord, parseRecord } from '../../../shared/schema/record.ts';
import { AppError } from '../core/app-error.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { type SavedStamp, splitStamp, withStamp } from './saved-stamp.ts';

/** A profile as decrypted: the profile and the key of its records and files. */
export interface ProfileContent {
  readonly profile: Profile;
  readonly key: SymmetricKey;
}

/** Which key opens an envelope. */
export type OpeningKey = { readonly vault: true } | { readonly vault: false; readonly profileId: string };

/**
 * Profiles (and account-level documents, with no profile) open with the vault key; records and
 * chunks with the key of the profile they belong to.
 */
export function openingKey(envelope: Pick<StoredEnvelope, 'kind' | 'profileId'>): OpeningKey {
  return envelope.kind === 'record' || envelope.kind === 'blob'
    ? { vault: false, profileId: envelope.profileId }
    : { vault: true };
}

/**
 * Everything that decides what an envelope opens to: every field bound by the additional data (the
 * id aside: caches of opened envelopes are keyed by it), the nonce and the ciphertext. Equal strings
 * mean equal content; any change (even a tampered byte) means opening again.
 */
export function sealedState(envelope: StoredEnvelope): string {
  return JSON.stringify([
    envelope.profileId,
    envelope.kind,
    envelope.rev,
    envelope.keyId,
    envelope.schemaVersion,
    envelope.nonce,
    envelope.ciphertext,
  ]);
}

export const newProfileKey = generateProfileKey;

/** Throws `AppError('invalid-record')`, naming the first invalid field, unless `input` is a profile. */
export function checkProfile(input: unknown): Profile {
  const parsed = parseWith(profileSchema, input);
  if (!parsed.ok) {
    throw new AppError('invalid-record', parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      field: parsed.issues[0]?.path ?? '',
    });
  }
  return parsed.value;
}

export function sealProfileEnvelope(
  target: { readonly id: string; readonly rev: number },
  content: ProfileContent,
  vaultKey: SymmetricKey,
): StoredEnvelope {
  const fields = sealProfileSecret(target, content.profile, content.key, vaultKey);
  return { profileId: target.id, kind: 'profile', id: target.id, rev: target.rev, updatedAt: 0, ...fields };
}

export function openProfileEnvelope(envelope: StoredEnvelope, vaultKey: SymmetricKey): ProfileContent {
  const secret = openProfileSecret(envelope, vaultKey);
  return { profile: checkProfile(secret.profile), key: secret.key };
}

/** The profile's key alone: its records stay readable even if the profile itself fails its schema. */
export function openProfileKey(envelope: StoredEnvelope, vaultKey: SymmetricKey): SymmetricKey {
  return openProfileSecret(envelope, vaultKey).key;
}

/** `saved`, when given, says which device saved this version and when, inside the ciphertext. */
export function sealRecordEnvelope(
  target: { readonly profileId: string; readonly id: string; readonly rev: number },
  record: ClinicalRecord,
  profileKey: SymmetricKey,
  saved?: SavedStamp,
): StoredEnvelope {
  const binding = { profileId: target.profileId, kind: 'record' as const, id: target.id, rev: target.rev };
  return { ...binding, updatedAt: 0, ...encryptRecord(binding, withStamp(record, saved), profileKey) };
}

/** Throws a `CryptoError` when it does not decrypt; otherwise the record's validation result. */
export function openRecordEnvelope(
  envelope: StoredEnvelope,
  profileKey: SymmetricKey,
): ParseResult<ClinicalRecord> {
  return openStampedRecordEnvelope(envelope, profileKey).parsed;
}

/** Like `openRecordEnvelope`, with the stamp of the device that saved this version, if any. */
export function openStampedRecordEnvelope(
  envelope: StoredEnvelope,
  profileKey: SymmetricKey,
): { parsed: ParseResult<ClinicalRecord>; saved?: SavedStamp } {
  return stampedRecordOf(decryptRecord(envelope, profileKey));
}

/**
 * Like `openStampedRecordEnvelope`, from the bytes `decryptBytes` already returned for this envelope
 * with its profile's key (records/opened-plaintext.ts); throws a `CryptoError` if they are not JSON.
 */
export function readStampedRecordBytes(bytes: Uint8Array): {
  parsed: ParseResult<ClinicalRecord>;
  saved?: SavedStamp;
} {
  return stampedRecordOf(recordFromBytes(bytes));
}

function stampedRecordOf(plain: unknown): { parsed: ParseResult<ClinicalRecord>; saved?: SavedStamp } {
  const { content, saved } = splitStamp(plain);
  return { parsed: parseRecord(content), ...(saved && { saved }) };
}

export function sealChunkEnvelope(
  target: { readonly profileId: string; readonly id: string },
  bytes: Uint8Array,
  profileKey: SymmetricKey,
): StoredEnvelope {
  const binding = { profileId: target.profileId, kind: 'blob' as const, id: target.id, rev: 1 };
  return { ...binding, updatedAt: 0, ...encryptBytes(binding, bytes, profileKey) };
}

export function openChunkEnvelope(envelope: StoredEnvelope, profileKey: SymmetricKey): Uint8Array {
  return decryptBytes(envelope, profileKey);
}

/**
 * The tombstone that deletes `current`: its next rev, sealed with `key` (the one `openingKey` names
 * for it). Author and signature are not carried over: they vouched for the content, which is gone.
 */
export function sealTombstoneEnvelope(current: StoredEnvelope, key: SymmetricKey): StoredEnvelope {
  const binding = { profileId: current.profileId, kind: current.kind, id: current.id, rev: current.rev + 1 };
  return { ...binding, updatedAt: 0, ...sealTombstone(binding, key) };
}
