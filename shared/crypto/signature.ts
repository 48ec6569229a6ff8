/** Ed25519 detached signatures, for entries a practitioner writes into a patient's record. */
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';

export function signDetached(message: Uint8Array, signSecretKey: Uint8Array): string {
  return toBase64(sodium().crypto_sign_detached(message, signSecretKey));
}

/** Throws `bad-signature` unless `signature` is a valid signature of `message` by `signPublicKey`. */
export function verifyDetached(message: Uint8Array, signature: string, signPublicKey: Uint8Array): void {
  const s = sodium();
  let ok = false;
  try {
    const sig = fromBase64(signature, 'signature');
    ok = sig.length === s.crypto_sign_BYTES && s.crypto_sign_verify_detached(sig, message, signPublicKey);
  } catch {
    ok = false;
  }
  if (!ok) throw new CryptoError('bad-signature', 'the signature does not match this content and author');
}
