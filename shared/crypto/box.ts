/**
 * Public-key encryption for sharing.
 * - `boxTo`/`openBox`: authenticated (crypto_box, X25519 + XSalsa20-Poly1305): the recipient knows
 *   which identity sent it. Used to wrap a shared key for each participant.
 * - `sealTo`/`openSealed`: anonymous sender (crypto_box_seal): anyone can drop data for a
 *   recipient; pair it with a signature when the author matters.
 */
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';

export interface Boxed {
  readonly nonce: string;
  readonly ciphertext: string;
}

export function boxTo(
  message: Uint8Array,
  recipientPublicKey: Uint8Array,
  senderSecretKey: Uint8Array,
): Boxed {
  const s = sodium();
  const nonce = s.randombytes_buf(s.crypto_box_NONCEBYTES);
  const ciphertext = s.crypto_box_easy(message, nonce, recipientPublicKey, senderSecretKey);
  return { nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
}

/** Throws `tampered` if the box was altered or was not sent by `senderPublicKey` to this recipient. */
export function openBox(
  boxed: Boxed,
  senderPublicKey: Uint8Array,
  recipientSecretKey: Uint8Array,
): Uint8Array {
  const s = sodium();
  const nonce = fromBase64(boxed.nonce, 'nonce');
  const ciphertext = fromBase64(boxed.ciphertext, 'ciphertext');
  try {
    return s.crypto_box_open_easy(ciphertext, nonce, senderPublicKey, recipientSecretKey);
  } catch {
    throw new CryptoError('tampered', 'the box does not open with these keys');
  }
}

export function sealTo(message: Uint8Array, recipientPublicKey: Uint8Array): string {
  return toBase64(sodium().crypto_box_seal(message, recipientPublicKey));
}

export function openSealed(
  sealed: string,
  recipientPublicKey: Uint8Array,
  recipientSecretKey: Uint8Array,
): Uint8Array {
  try {
    return sodium().crypto_box_seal_open(
      fromBase64(sealed, 'sealed'),
      recipientPublicKey,
      recipientSecretKey,
    );
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('tampered', 'the sealed message does not open with this key pair');
  }
}
