/**
 * The body cipher of a `.carnet` backup: libsodium's `crypto_secretstream_xchacha20poly1305` under a
 * fresh random 32-byte file key. Each message (a fixed-size chunk of framed plaintext) carries a
 * 17-byte overhead (encrypted tag byte + Poly1305 MAC); the stream's internal nonce advances with
 * every message, so a chunk moved, repeated or dropped fails authentication, and only the last
 * chunk carries `TAG_FINAL`, so a stream cut at a chunk boundary is told apart from a whole one.
 *
 * Every chunk also authenticates `ad` (the digest of the file's header, backup-digest.ts): the body
 * cannot be transplanted under another header, and no header field can change unnoticed.
 *
 * The stream header (24 bytes, random) is drawn by libsodium itself and cannot be injected, which is
 * why known-answer tests stop at the framing and header codecs.
 */
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

/** Bytes a chunk's ciphertext adds to its plaintext. */
export function backupChunkOverhead(): number {
  return sodium().crypto_secretstream_xchacha20poly1305_ABYTES;
}

/** Bytes of the stream header stored in the file's plaintext header. */
export function backupStreamHeaderBytes(): number {
  return sodium().crypto_secretstream_xchacha20poly1305_HEADERBYTES;
}

export interface BackupStreamEncryptor {
  /** The 24-byte header the reader needs to start pulling. */
  readonly header: Uint8Array;
  /** Encrypts one chunk; `final` marks the last one, after which nothing else may be pushed. */
  push(plaintext: Uint8Array, final: boolean): Uint8Array;
}

export interface BackupStreamDecryptor {
  /** Decrypts one chunk; throws `tampered` if it does not authenticate in this position. */
  pull(ciphertext: Uint8Array): { plaintext: Uint8Array; final: boolean };
}

/**
 * `additionalData` receives the stream header: the file's header contains it, and the file's header
 * digest is the additional data of every chunk.
 */
export function createBackupStreamEncryptor(
  fileKey: SymmetricKey,
  additionalData: (streamHeader: Uint8Array) => Uint8Array,
): BackupStreamEncryptor {
  const s = sodium();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(fileKey.bytes);
  const ad = additionalData(header);
  let finished = false;
  return {
    header,
    push(plaintext, final) {
      if (finished) throw new CryptoError('invalid-input', 'the backup stream is already finished');
      finished = final;
      const tag = final
        ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      return s.crypto_secretstream_xchacha20poly1305_push(state, plaintext, ad, tag);
    },
  };
}

export function createBackupStreamDecryptor(
  fileKey: SymmetricKey,
  header: Uint8Array,
  ad: Uint8Array,
): BackupStreamDecryptor {
  const s = sodium();
  if (header.length !== s.crypto_secretstream_xchacha20poly1305_HEADERBYTES) {
    throw new CryptoError('invalid-input', 'the backup stream header has the wrong length');
  }
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(header, fileKey.bytes);
  let finished = false;
  return {
    pull(ciphertext) {
      if (finished) throw new CryptoError('tampered', 'data follows the final chunk');
      let result: { message: Uint8Array; tag: number } | false;
      try {
        result = s.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext, ad);
      } catch {
        // Thrown only for a ciphertext shorter than the overhead.
        result = false;
      }
      if (result === false) throw new CryptoError('tampered', 'a backup chunk failed authentication');
      // PUSH and REKEY are never written; a chunk carrying one was not made by this format's writer.
      if (
        result.tag !== s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
        result.tag !== s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      ) {
        throw new CryptoError('tampered', 'a backup chunk carries an unexpected tag');
      }
      finished = result.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      return { plaintext: result.message, final: finished };
    },
  };
}
