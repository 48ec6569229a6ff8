/**
 * Wrapping one secret under a symmetric key.
 *
 * The additional data binds the wrap to a `label` (what the secret is for, e.g. `profile:<id>`),
 * so a server cannot swap one wrapped key for another. `by` names the wrapping key's fingerprint:
 * a mismatch is reported as the caller's `wrongKeyReason` (e.g. `wrong-passphrase`) with certainty,
 * and an AEAD failure with the right key can only mean `tampered`.
 */
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { fromBase64, toBase64, utf8 } from './encoding.ts';
import { CryptoError, type CryptoErrorReason } from './errors.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export const WRAP_VERSION = 1;

export interface WrappedSecret {
  readonly v: number;
  /** Fingerprint of the wrapping key. */
  readonly by: string;
  readonly label: string;
  readonly nonce: string;
  readonly ciphertext: string;
}

function additionalData(v: number, label: string, by: string): Uint8Array {
  return utf8(JSON.stringify(['carnet.wrap', v, label, by]));
}

export function wrapSecret(secret: Uint8Array, wrappingKey: SymmetricKey, label: string): WrappedSecret {
  const sealed = aeadEncrypt(wrappingKey, secret, additionalData(WRAP_VERSION, label, wrappingKey.id));
  return {
    v: WRAP_VERSION,
    by: wrappingKey.id,
    label,
    nonce: toBase64(sealed.nonce),
    ciphertext: toBase64(sealed.ciphertext),
  };
}

export function unwrapSecret(
  wrapped: WrappedSecret,
  wrappingKey: SymmetricKey,
  expectedLabel: string,
  wrongKeyReason: CryptoErrorReason = 'wrong-key',
): Uint8Array {
  if (wrapped.v !== WRAP_VERSION) {
    throw new CryptoError('unsupported-version', `unsupported wrap version ${wrapped.v}`, {
      version: wrapped.v,
    });
  }
  if (wrapped.label !== expectedLabel) {
    throw new CryptoError('tampered', 'wrapped secret is not the one expected here', {
      label: wrapped.label,
    });
  }
  if (wrapped.by !== wrappingKey.id) {
    throw new CryptoError(wrongKeyReason, 'this secret was wrapped with another key');
  }
  const sealed = {
    nonce: fromBase64(wrapped.nonce, 'nonce'),
    ciphertext: fromBase64(wrapped.ciphertext, 'ciphertext'),
  };
  return aeadDecrypt(wrappingKey, sealed, additionalData(wrapped.v, wrapped.label, wrapped.by));
}
