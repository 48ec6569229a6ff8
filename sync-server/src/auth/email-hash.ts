/**
 * Emails are stored only as `HMAC-SHA-256(serverKey, "carnet-email-v1|" + normalized email)`: the
 * server can find an account by address, but a copy of its database names nobody.
 *
 * For pre-login of an unknown address the server answers a fake salt derived the same way, so the
 * answer is stable (asking twice gives the same salt, as for a real account) and has the shape of
 * a real one (16 bytes), and nothing tells the two apart.
 */

import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { DEFAULT_KDF_PARAMS, encodeKdfParams } from '../../../shared/crypto/kdf-params.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';

const SALT_BYTES = 16;

/** The KDF tag an unknown address is answered with: the default a new vault gets. */
export const FAKE_KDF_TAG = encodeKdfParams(DEFAULT_KDF_PARAMS);

export interface EmailHasher {
  /** `email` must be normalized (the request schemas do it). */
  hash(email: string): string;
  /** Deterministic fake salt for an unknown email hash, base64url, 16 bytes. */
  fakeSalt(emailHash: string): string;
}

export function createEmailHasher(serverKey: Uint8Array): EmailHasher {
  const key = serverKey.slice();
  const mac = (message: string) => sodium().crypto_auth_hmacsha256(utf8(message), key);
  return {
    hash: (email) => toBase64(mac(`carnet-email-v1|${email}`)),
    fakeSalt: (emailHash) => toBase64(mac(`fake-salt|${emailHash}`).slice(0, SALT_BYTES)),
  };
}
