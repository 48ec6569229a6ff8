/**
 * A 32-byte symmetric key with a public fingerprint (`id`).
 *
 * The id is a keyed BLAKE2b hash of the key, so it reveals nothing about the key, and lets a
 * decryption say "wrong key" with certainty instead of guessing from an AEAD failure.
 */
import { toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';

export const KEY_BYTES = 32;
const ID_BYTES = 12;
const ID_CONTEXT = 'carnet.key-id.v1'; // 16 bytes: the BLAKE2b key length minimum

export interface SymmetricKey {
  readonly id: string;
  readonly bytes: Uint8Array;
}

export function keyIdOf(bytes: Uint8Array): string {
  return toBase64(sodium().crypto_generichash(ID_BYTES, bytes, ID_CONTEXT));
}

export function symmetricKey(bytes: Uint8Array): SymmetricKey {
  if (bytes.length !== KEY_BYTES) {
    throw new CryptoError('invalid-input', `a key must be ${KEY_BYTES} bytes, got ${bytes.length}`);
  }
  return { id: keyIdOf(bytes), bytes };
}

export function generateKey(): SymmetricKey {
  return symmetricKey(sodium().randombytes_buf(KEY_BYTES));
}
