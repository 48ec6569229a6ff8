/**
 * Profile keys: one random key per family profile. A profile's records and files are encrypted with
 * its key only, so sharing one profile exposes no other.
 *
 * A profile key is not wrapped on its own: it travels inside its profile's envelope (record-envelope.ts,
 * kind `profile`), encrypted with the vault key, as the plaintext `{profile, key}` with the key in
 * base64url. The envelope's additional data binds it to the profile id and rev, so a server cannot
 * hand one profile another's key. This module is the only one that knows that plaintext layout; the
 * profile itself is returned unchecked, for the caller to validate against its schema.
 */
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import {
  decryptRecord,
  type EncryptedFields,
  encryptRecord,
  type SealedEnvelope,
} from './record-envelope.ts';
import { generateKey, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export interface ProfileSecret {
  /** The decrypted profile, not yet validated. */
  readonly profile: unknown;
  readonly key: SymmetricKey;
}

export function generateProfileKey(): SymmetricKey {
  return generateKey();
}

/** Encrypts a profile and its key with the vault key, bound to the profile id and rev. */
export function sealProfileSecret(
  target: { readonly id: string; readonly rev: number },
  profile: unknown,
  profileKey: SymmetricKey,
  vaultKey: SymmetricKey,
): EncryptedFields {
  const binding = { profileId: target.id, kind: 'profile', id: target.id, rev: target.rev };
  return encryptRecord(binding, { profile, key: toBase64(profileKey.bytes) }, vaultKey);
}

/** Throws like `decryptRecord`, or `invalid-input` when the envelope holds no usable key. */
export function openProfileSecret(envelope: SealedEnvelope, vaultKey: SymmetricKey): ProfileSecret {
  const plain = decryptRecord(envelope, vaultKey) as { profile?: unknown; key?: unknown } | null;
  if (typeof plain?.key !== 'string') throw new CryptoError('invalid-input', 'this profile holds no key');
  return { profile: plain.profile, key: symmetricKey(fromBase64(plain.key, 'profile key')) };
}
