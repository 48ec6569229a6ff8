/**
 * XChaCha20-Poly1305 (IETF) with a fresh random 24-byte nonce per message.
 * A 192-bit nonce makes random nonces safe for any number of messages under one key.
 */
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export interface Sealed {
  readonly nonce: Uint8Array;
  readonly ciphertext: Uint8Array;
}

export function aeadEncrypt(key: SymmetricKey, plaintext: Uint8Array, ad: Uint8Array): Sealed {
  const s = sodium();
  // Keys are zeroed when the vault locks; a write still under way must fail, not seal with zeros
  // (a random key is all zeros with probability 2^-256).
  if (s.is_zero(key.bytes)) throw new CryptoError('invalid-input', 'this key was wiped (the vault locked)');
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ciphertext = s.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key.bytes);
  return { nonce, ciphertext };
}

/** Throws `tampered` when the ciphertext, nonce or additional data do not authenticate. */
export function aeadDecrypt(key: SymmetricKey, sealed: Sealed, ad: Uint8Array): Uint8Array {
  const s = sodium();
  if (sealed.nonce.length !== s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) {
    throw new CryptoError('tampered', 'nonce has the wrong length');
  }
  try {
    return s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed.ciphertext, ad, sealed.nonce, key.bytes);
  } catch {
    throw new CryptoError('tampered', 'ciphertext failed authentication');
  }
}
