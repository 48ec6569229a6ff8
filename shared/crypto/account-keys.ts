/**
 * Passphrase → root key → { key-encryption key, auth key }.
 *
 * root = Argon2id(NFC(passphrase), salt16); the two subkeys come from crypto_kdf_derive_from_key
 * with distinct ids, so the auth key (the only thing a server ever verifies) reveals nothing
 * about the key-encryption key, which never leaves the device.
 */
import { CryptoError } from './errors.ts';
import { checkKdfParams, type KdfParams } from './kdf-params.ts';
import { sodium } from './sodium.ts';
import { KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const SALT_BYTES = 16;
const KDF_CONTEXT = 'carnetRK'; // exactly crypto_kdf_CONTEXTBYTES (8)
const SUBKEY_KEK = 1;
const SUBKEY_AUTH = 2;

export interface AccountKeys {
  /** Wraps the vault key; never leaves the device. */
  readonly keyEncryptionKey: SymmetricKey;
  /** Proves knowledge of the passphrase to the sync server; decrypts nothing. */
  readonly authKey: Uint8Array;
}

export function generateSalt(): Uint8Array {
  return sodium().randombytes_buf(SALT_BYTES);
}

export function deriveRootKey(passphrase: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  checkKdfParams(params);
  if (salt.length !== SALT_BYTES) {
    throw new CryptoError('invalid-input', `salt must be ${SALT_BYTES} bytes`);
  }
  if (passphrase.length === 0) {
    throw new CryptoError('invalid-input', 'passphrase is empty');
  }
  const s = sodium();
  // NFC: the same passphrase typed on two keyboards can arrive in two Unicode forms.
  return s.crypto_pwhash(
    KEY_BYTES,
    passphrase.normalize('NFC'),
    salt,
    params.passes,
    params.memoryKiB * 1024,
    s.crypto_pwhash_ALG_ARGON2ID13,
  );
}

export function deriveAccountKeys(rootKey: Uint8Array): AccountKeys {
  const s = sodium();
  const keyEncryptionKey = symmetricKey(
    s.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_KEK, KDF_CONTEXT, rootKey),
  );
  const authKey = s.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_AUTH, KDF_CONTEXT, rootKey);
  return { keyEncryptionKey, authKey };
}

export function accountKeysFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): AccountKeys {
  const root = deriveRootKey(passphrase, salt, params);
  try {
    return deriveAccountKeys(root);
  } finally {
    sodium().memzero(root);
  }
}
