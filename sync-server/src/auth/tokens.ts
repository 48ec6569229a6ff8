/**
 * Session tokens and login nonces: 32 random bytes, base64url. The database keeps only their
 * SHA-256, so a copy of it cannot be replayed as a session. A plain hash is enough here (no salt,
 * no slow KDF): the values are random with 256 bits of entropy, not guessable passwords.
 */
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';

export function randomToken(): string {
  return toBase64(sodium().randombytes_buf(32));
}

export function hashToken(token: string): string {
  return toBase64(sodium().crypto_hash_sha256(utf8(token)));
}

/** Random account ids: nothing about the person, nothing about the order of registration. */
export function randomAccountId(): string {
  return toBase64(sodium().randombytes_buf(16));
}
