/**
 * Keys and digests of a `.carnet` backup, besides the stream cipher (backup-stream.ts).
 *
 * - The file key is random per backup and wrapped by the vault key (key-wrap.ts, XChaCha20-Poly1305)
 *   under the label `backup-file-key:<stream header>`: the wrap belongs to this one stream, and a wrap
 *   lifted from another backup of the same vault does not open this body.
 * - `backupHeaderDigest` (BLAKE2b-256 of every header byte) is the additional data of every body chunk:
 *   that is what binds the header, file key wrap included, to the body.
 * - `backupHeaderChecksum` (unkeyed BLAKE2b-128) only tells accidental damage to the header apart from
 *   a wrong secret before any key is derived; it proves nothing against someone rewriting the file.
 * - The final chunk's plaintext is padded (ISO/IEC 7816-4, libsodium `pad`) to the full chunk size, so
 *   every chunk on disk has the same length: a file cut anywhere but at a chunk boundary is visibly
 *   truncated, and the file size says the body length only to the nearest chunk.
 */
import { toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { unwrapSecret, type WrappedSecret, wrapSecret } from './key-wrap.ts';
import { sodium } from './sodium.ts';
import { KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const BACKUP_HEADER_CHECKSUM_BYTES = 16;
const DIGEST_BYTES = 32;

/** Randomness is injected so tests can pin the file key; production passes nothing. */
export type RandomBytes = (length: number) => Uint8Array;

export function generateBackupFileKey(random?: RandomBytes): SymmetricKey {
  const bytes = random ? random(KEY_BYTES) : sodium().randombytes_buf(KEY_BYTES);
  return symmetricKey(bytes);
}

function fileKeyLabel(streamHeader: Uint8Array): string {
  return `backup-file-key:${toBase64(streamHeader)}`;
}

export function wrapBackupFileKey(
  fileKey: SymmetricKey,
  vaultKey: SymmetricKey,
  streamHeader: Uint8Array,
): WrappedSecret {
  return wrapSecret(fileKey.bytes, vaultKey, fileKeyLabel(streamHeader));
}

/**
 * Throws `wrong-key` when the wrap names another vault key and `tampered` when it does not
 * authenticate; with a vault key that opened this file's keyring, either means the header was altered.
 */
export function unwrapBackupFileKey(
  wrapped: WrappedSecret,
  vaultKey: SymmetricKey,
  streamHeader: Uint8Array,
): SymmetricKey {
  return symmetricKey(unwrapSecret(wrapped, vaultKey, fileKeyLabel(streamHeader)));
}

export function backupHeaderDigest(headerBytes: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(DIGEST_BYTES, headerBytes, null);
}

export function backupHeaderChecksum(bytes: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(BACKUP_HEADER_CHECKSUM_BYTES, bytes, null);
}

/** Pads a final chunk's plaintext (shorter than `size`) to exactly `size` bytes. */
export function padBackupChunk(plaintext: Uint8Array, size: number): Uint8Array {
  if (plaintext.length >= size) {
    throw new CryptoError('invalid-input', 'a final chunk must be shorter than the chunk size');
  }
  return sodium().pad(plaintext, size);
}

/** Throws `tampered` when the padding is not ISO/IEC 7816-4 (authenticated, so written so). */
export function unpadBackupChunk(padded: Uint8Array, size: number): Uint8Array {
  if (padded.length !== size) throw new CryptoError('tampered', 'the final chunk has the wrong length');
  try {
    return sodium().unpad(padded, size);
  } catch {
    throw new CryptoError('tampered', 'the final chunk’s padding is invalid');
  }
}
