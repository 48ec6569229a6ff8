/**
 * Entries a practitioner writes through a share (docs/architecture.md §8.3).
 *
 * The practitioner signs the entry's exact bytes (Ed25519, detached, with their identity key), then
 * seals `{payload, sig, signPk}` to the patient's X25519 public key (crypto_box_seal): the server
 * relays ciphertext it cannot read, and the patient's device verifies and imports the entry as-is,
 * keeping the signed bytes, so it can be re-verified every time it is shown. Verification returns the
 * parsed JSON of the signed bytes only: what is displayed is exactly what was signed.
 */
import { encodeBase32 } from './base32.ts';
import { openSealed, sealTo } from './box.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { blake2b } from './hash.ts';
import { signDetached, verifyDetached } from './signature.ts';

/** Signed bytes (base64url), the detached signature, and the author's Ed25519 public key. */
export interface SignedEntry {
  readonly payload: string;
  readonly sig: string;
  readonly signPk: string;
}

export function signEntry(entry: unknown, signSecretKey: Uint8Array, signPublicKey: Uint8Array): SignedEntry {
  const bytes = utf8(JSON.stringify(entry));
  return {
    payload: toBase64(bytes),
    sig: signDetached(bytes, signSecretKey),
    signPk: toBase64(signPublicKey),
  };
}

/** Throws `bad-signature` unless `signed.sig` signs `signed.payload` with `signed.signPk`. */
export function verifyEntry(signed: SignedEntry): unknown {
  let bytes: Uint8Array;
  let publicKey: Uint8Array;
  try {
    bytes = fromBase64(signed.payload, 'payload');
    publicKey = fromBase64(signed.signPk, 'signPk');
  } catch {
    throw new CryptoError('bad-signature', 'the signed entry is malformed');
  }
  if (publicKey.length !== 32) throw new CryptoError('bad-signature', 'the author key is malformed');
  verifyDetached(bytes, signed.sig, publicKey);
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new CryptoError('bad-signature', 'the signed bytes are not JSON');
  }
}

export function sealEntry(signed: SignedEntry, patientBoxPk: Uint8Array): string {
  return sealTo(utf8(JSON.stringify(signed)), patientBoxPk);
}

/** Opens a sealed entry; throws `tampered` if it does not open, `bad-signature` if unsigned. */
export function openEntry(sealed: string, boxPk: Uint8Array, boxSk: Uint8Array): SignedEntry {
  const opened: unknown = JSON.parse(fromUtf8(openSealed(sealed, boxPk, boxSk)));
  if (
    typeof opened !== 'object' ||
    opened === null ||
    typeof (opened as SignedEntry).payload !== 'string' ||
    typeof (opened as SignedEntry).sig !== 'string' ||
    typeof (opened as SignedEntry).signPk !== 'string'
  ) {
    throw new CryptoError('bad-signature', 'the sealed entry is not a signed entry');
  }
  const { payload, sig, signPk } = opened as SignedEntry;
  const signed = { payload, sig, signPk };
  verifyEntry(signed);
  return signed;
}

/**
 * A short fingerprint of a practitioner's Ed25519 public key (base64url), for people to compare:
 * BLAKE2b-80 of the key in Crockford base32, four groups of four ("7KQ2 M9XD 0RTA 4FHB"). 80 bits:
 * finding another key with the same fingerprint costs about 2^80 hashes. Null for a malformed key.
 */
export function signKeyFingerprint(signPk: string): string | null {
  let key: Uint8Array;
  try {
    key = fromBase64(signPk, 'signPk');
  } catch {
    return null;
  }
  if (key.length !== 32) return null;
  const text = encodeBase32(blake2b(key, 10));
  return text.match(/.{4}/g)?.join(' ') ?? null;
}
