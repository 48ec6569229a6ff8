/**
 * The short typed code a patient may read out instead of sending the link (docs/architecture.md §8.2):
 * 16 Crockford base32 characters, `XXXX-XXXX-XXXX-XXXX`.
 * - The first 6 characters (30 bits) are a public lookup id: the server finds the share by it and
 *   refuses a duplicate among stored shares.
 * - The other 10 characters are a 50-bit secret. secretKey = Argon2id(secret, salt = BLAKE2b(lookup
 *   id), 64 MiB, 3 passes) wraps the share key; the server stores that wrapped key and a hash of a
 *   proof derived from the secret key, and releases the wrapped key only against the proof.
 *
 * Online guessing: the proof is checked by the server, which counts failures per share (the share
 * locks after 5) and rate-limits lookups per address, and every share expires (30 days at most).
 * 5 tries against 2^50 secrets succeed with probability 5 / 2^50 ≈ 4.4e-15.
 *
 * Offline, someone holding the server's data (lookup id, wrapped key, proof hash) must try secrets
 * one Argon2id at a time: 2^50 ≈ 1.1e15 evaluations of Argon2id(64 MiB, t=3), about 0.12 s each on
 * one CPU core here, i.e. ≈ 1.4e14 core-seconds ≈ 4.3 million core-years (≈ 2^49 on average for a
 * hit); even a GPU farm doing 10^5 such hashes per second needs ~360 years, against a share that
 * expires within 30 days. The link's 256-bit key has no such bound: prefer the link or QR.
 */
import { base32Value, CROCKFORD_ALPHABET } from './base32.ts';
import { toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { MIN_KDF_PARAMS } from './kdf-params.ts';
import { unwrapSecret, type WrappedSecret, wrapSecret } from './key-wrap.ts';
import { sodium } from './sodium.ts';
import { KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const CODE_LENGTH = 16;
export const LOOKUP_LENGTH = 6;
export const SECRET_BITS = (CODE_LENGTH - LOOKUP_LENGTH) * 5;
const LOOKUP_PATTERN = /^[0-9A-HJKMNP-TV-Z]{6}$/;

export interface ShareCode {
  /** Grouped for reading aloud: `ABCD-EFGH-JKMN-PQRS`. */
  readonly code: string;
  readonly lookupId: string;
  readonly secret: string;
}

export function isLookupId(value: string): boolean {
  return LOOKUP_PATTERN.test(value);
}

export function generateShareCode(): ShareCode {
  const random = sodium().randombytes_buf(CODE_LENGTH);
  // 32 divides 256: taking each byte modulo 32 keeps every character uniform.
  const chars = Array.from(random, (byte) => CROCKFORD_ALPHABET[byte % 32]).join('');
  return fromChars(chars);
}

function fromChars(chars: string): ShareCode {
  const groups = chars.match(/.{4}/g) ?? [];
  return {
    code: groups.join('-'),
    lookupId: chars.slice(0, LOOKUP_LENGTH),
    secret: chars.slice(LOOKUP_LENGTH),
  };
}

/** Reads a typed code forgivingly (case, spaces, dashes, O→0, I/L→1); null if it is not one. */
export function parseShareCode(typed: string): ShareCode | null {
  const compact = typed.replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH) return null;
  let chars = '';
  for (const char of compact) {
    const value = base32Value(char);
    if (value < 0) return null;
    chars += CROCKFORD_ALPHABET[value];
  }
  return fromChars(chars);
}

/** The Argon2id step: about 0.1–0.3 s, so run it off the UI thread where possible. */
export function deriveCodeKey(code: ShareCode): SymmetricKey {
  const s = sodium();
  const salt = s.crypto_generichash(16, utf8(`carnet.share-code|${code.lookupId}`), null);
  return symmetricKey(
    s.crypto_pwhash(
      KEY_BYTES,
      utf8(code.secret),
      salt,
      MIN_KDF_PARAMS.passes,
      MIN_KDF_PARAMS.memoryKiB * 1024,
      s.crypto_pwhash_ALG_ARGON2ID13,
    ),
  );
}

/** Sent to the server to get the wrapped key; the server keeps only its hash. */
export function codeProof(codeKey: SymmetricKey): string {
  return toBase64(sodium().crypto_generichash(32, utf8('carnet-share-code-proof'), codeKey.bytes));
}

function label(lookupId: string): string {
  return `share-code:${lookupId}`;
}

export function wrapShareKeyWithCode(
  shareKey: Uint8Array,
  codeKey: SymmetricKey,
  lookupId: string,
): WrappedSecret {
  return wrapSecret(shareKey, codeKey, label(lookupId));
}

export function unwrapShareKeyWithCode(
  wrapped: WrappedSecret,
  codeKey: SymmetricKey,
  lookupId: string,
): Uint8Array {
  const key = unwrapSecret(wrapped, codeKey, label(lookupId));
  if (key.length !== KEY_BYTES) throw new CryptoError('tampered', 'a share key is 32 bytes');
  return key;
}
