/**
 * Record envelope encryption (docs/architecture.md §4): XChaCha20-Poly1305, a random nonce per write, and
 * additional data binding the ciphertext to `profileId | kind (the collection) | id | rev | keyId |
 * schemaVersion` and, from version 2 on, `| deleted`, so a server can neither swap envelopes between
 * records or profiles, nor relabel an old ciphertext with a new rev, nor flip the deletion flag.
 * (Replaying an older, genuine (rev, ciphertext) pair is not detectable here: the replication client
 * refuses a rev lower than the highest it has seen, web/src/sync/pull-guard.ts.)
 *
 * Versions: every write is version 2. Version 1 (no `deleted` in the additional data) keeps opening,
 * as a live envelope only: its deletion flag is not authenticated, so `decryptBytes` ignores the flag
 * for it and the sync client decides what a version-1 tombstone may do (pull-guard.ts). A tombstone is
 * a version-2 envelope sealed with `deleted: true` over an empty payload (`sealTombstone`): the
 * deleting device writes it at the next rev, so deleting is authenticated like any other write.
 *
 * The plaintext is JSON, padded (ISO/IEC 7816-4) to a multiple of 256 bytes so that ciphertext
 * length does not reveal which kind of record it is.
 *
 * Decryption order, each with its reason: unknown schema version → `unsupported-version`; the
 * envelope names a key other than the one offered → `wrong-key`; authentication fails →
 * `tampered`. Because a key's id is its fingerprint, a changed `keyId` field is reported as
 * `wrong-key`: the envelope then claims a key this device does not hold.
 */
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export const SCHEMA_VERSION = 2;
/** The first version whose additional data binds the deletion flag. */
export const AUTHENTICATED_DELETION_VERSION = 2;
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1, 2];
const PAD_BLOCK = 256;

/** The plaintext metadata that the additional data binds. */
export interface EnvelopeBinding {
  readonly profileId: string;
  /** The envelope's collection-level kind (record, blob, keyring, profile). */
  readonly kind: string;
  readonly id: string;
  readonly rev: number;
  /** Whether this write is a tombstone; bound from version 2 on. Absent means live. */
  readonly _deleted?: boolean;
}

export interface EncryptedFields {
  readonly keyId: string;
  readonly schemaVersion: number;
  readonly nonce: string;
  readonly ciphertext: string;
}

export type SealedEnvelope = EnvelopeBinding & EncryptedFields;

function additionalData(b: EnvelopeBinding, keyId: string, schemaVersion: number): Uint8Array {
  // A JSON array is an unambiguous encoding: no choice of field values can collide with another.
  const fields: unknown[] = ['carnet.record', b.profileId, b.kind, b.id, b.rev, keyId, schemaVersion];
  // Version 1 stays byte for byte what it was, so every envelope already stored keeps opening.
  if (schemaVersion >= AUTHENTICATED_DELETION_VERSION) fields.push(b._deleted === true);
  return utf8(JSON.stringify(fields));
}

export function encryptBytes(
  binding: EnvelopeBinding,
  plaintext: Uint8Array,
  key: SymmetricKey,
): EncryptedFields {
  const padded = sodium().pad(plaintext, PAD_BLOCK);
  const sealed = aeadEncrypt(key, padded, additionalData(binding, key.id, SCHEMA_VERSION));
  return {
    keyId: key.id,
    schemaVersion: SCHEMA_VERSION,
    nonce: toBase64(sealed.nonce),
    ciphertext: toBase64(sealed.ciphertext),
  };
}

export function decryptBytes(
  envelope: SealedEnvelope,
  key: SymmetricKey,
  supportedVersions: readonly number[] = SUPPORTED_SCHEMA_VERSIONS,
): Uint8Array {
  if (!supportedVersions.includes(envelope.schemaVersion)) {
    throw new CryptoError(
      'unsupported-version',
      `record schema version ${envelope.schemaVersion} is not supported`,
      {
        version: envelope.schemaVersion,
      },
    );
  }
  if (envelope.keyId !== key.id) {
    throw new CryptoError('wrong-key', 'this record is encrypted with another key', {
      keyId: envelope.keyId,
    });
  }
  const sealed = {
    nonce: fromBase64(envelope.nonce, 'nonce'),
    ciphertext: fromBase64(envelope.ciphertext, 'ciphertext'),
  };
  const padded = aeadDecrypt(key, sealed, additionalData(envelope, envelope.keyId, envelope.schemaVersion));
  try {
    return sodium().unpad(padded, PAD_BLOCK);
  } catch {
    throw new CryptoError('tampered', 'record padding is invalid');
  }
}

export function encryptRecord(binding: EnvelopeBinding, record: unknown, key: SymmetricKey): EncryptedFields {
  return encryptBytes(binding, utf8(JSON.stringify(record)), key);
}

/**
 * A tombstone for the envelope's next write: version 2, `deleted` bound, nothing inside but `null`
 * (padded like any record, so its size says nothing). `binding.rev` is the tombstone's own rev.
 */
export function sealTombstone(binding: EnvelopeBinding, key: SymmetricKey): EncryptedFields {
  return encryptRecord({ ...binding, _deleted: true }, null, key);
}

/**
 * Throws unless the envelope is a tombstone sealed with this key for exactly this binding: version 2,
 * flagged deleted, and authentic (`tampered` otherwise). A version-1 tombstone cannot be
 * authenticated and is refused here as `unsupported-version`.
 */
export function openTombstone(envelope: SealedEnvelope, key: SymmetricKey): void {
  if (envelope._deleted !== true || envelope.schemaVersion < AUTHENTICATED_DELETION_VERSION) {
    throw new CryptoError('unsupported-version', 'this deletion is not authenticated', {
      version: envelope.schemaVersion,
    });
  }
  decryptBytes(envelope, key);
}

/** Returns the parsed JSON; the caller validates it against the record schema. */
export function decryptRecord(envelope: SealedEnvelope, key: SymmetricKey): unknown {
  return recordFromBytes(decryptBytes(envelope, key));
}

/** The parsed JSON of bytes `decryptBytes` returned for a record (opened once, read later). */
export function recordFromBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    // Authenticated but not JSON: written by a buggy or hostile client holding the key.
    throw new CryptoError('invalid-input', 'record content is not valid JSON');
  }
}
