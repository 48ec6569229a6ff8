/**
 * Record envelope encryption (docs/architecture.md §4): XChaCha20-Poly1305, a random nonce per write, and
 * additional data binding the ciphertext to `profileId | kind (the collection) | id | rev | keyId |
 * schemaVersion`, so a server cannot swap envelopes between records or profiles, nor relabel an old
 * ciphertext with a new rev. (Replaying an older, genuine (rev, ciphertext) pair is not detectable
 * here: the replication client must refuse a rev lower than the one it already holds.)
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

export const SCHEMA_VERSION = 1;
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];
const PAD_BLOCK = 256;

/** The plaintext metadata that the additional data binds. */
export interface EnvelopeBinding {
  readonly profileId: string;
  /** The envelope's collection-level kind (record, blob, keyring, profile). */
  readonly kind: string;
  readonly id: string;
  readonly rev: number;
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
  return utf8(JSON.stringify(['carnet.record', b.profileId, b.kind, b.id, b.rev, keyId, schemaVersion]));
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

/** Returns the parsed JSON; the caller validates it against the record schema. */
export function decryptRecord(envelope: SealedEnvelope, key: SymmetricKey): unknown {
  const bytes = decryptBytes(envelope, key);
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    // Authenticated but not JSON: written by a buggy or hostile client holding the key.
    throw new CryptoError('invalid-input', 'record content is not valid JSON');
  }
}
