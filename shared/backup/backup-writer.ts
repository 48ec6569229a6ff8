/**
 * Writes a `.carnet` backup (backup-format.ts) as a stream: frames in, file bytes out.
 *
 * Memory: one chunk of plaintext (64 KiB by default) plus the frame being written, which the caller
 * already holds; a frame's bytes are copied into the chunk piece by piece, never concatenated, so a
 * document's chunk envelopes pass through without a second copy. The first yielded value is the
 * header; each later one is one encrypted chunk of exactly chunkSize + 17 bytes.
 *
 * The keyring is written as it is (it holds no secret in clear), so the file opens with whatever
 * opens the keyring: the passphrase of that moment, or the recovery key.
 */
import {
  backupHeaderDigest,
  generateBackupFileKey,
  padBackupChunk,
  type RandomBytes,
  wrapBackupFileKey,
} from '../crypto/backup-keys.ts';
import { backupChunkOverhead, createBackupStreamEncryptor } from '../crypto/backup-stream.ts';
import { toBase64 } from '../crypto/encoding.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { SymmetricKey } from '../crypto/symmetric-key.ts';
import { BackupError } from './backup-error.ts';
import { DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE } from './backup-format.ts';
import { type BackupFrame, encodeFrameHead } from './frame-codec.ts';
import { type BackupHeader, encodeBackupHeader } from './header-codec.ts';

export interface BackupWriteProgress {
  readonly frames: number;
  /** Plaintext bytes framed so far (frame heads and bytes). */
  readonly plaintextBytes: number;
  /** File bytes yielded so far. */
  readonly fileBytes: number;
}

export interface BackupWriterOptions {
  /** The account keyring whose vault key is `vaultKey`. */
  readonly keyring: Keyring;
  readonly vaultKey: SymmetricKey;
  readonly frames: AsyncIterable<BackupFrame> | Iterable<BackupFrame>;
  readonly chunkSize?: number;
  /** Milliseconds since the epoch; injected for tests. */
  readonly now?: () => number;
  /** Draws the file key; injected for tests. */
  readonly randomBytes?: RandomBytes;
  /** Called after the header, after every frame, and once at the end. */
  readonly onProgress?: (progress: BackupWriteProgress) => void;
}

export async function* createBackupWriter(
  options: BackupWriterOptions,
): AsyncGenerator<Uint8Array, BackupWriteProgress, undefined> {
  const { keyring, vaultKey } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new BackupError('invalid-frame', `chunk size must be ${MIN_CHUNK_SIZE} to ${MAX_CHUNK_SIZE} bytes`);
  }
  // The identity is wrapped by the vault key: a mismatch means this file could never be opened.
  if (keyring.identity.boxSecretKey.by !== vaultKey.id) {
    throw new BackupError('wrong-key', 'this vault key does not belong to this keyring');
  }
  const fileKey = generateBackupFileKey(options.randomBytes);
  let headerBytes: Uint8Array = new Uint8Array(0);
  const encryptor = createBackupStreamEncryptor(fileKey, (streamHeader) => {
    const header: BackupHeader = {
      createdAt: (options.now ?? Date.now)(),
      chunkSize,
      keyring,
      fileKey: wrapBackupFileKey(fileKey, vaultKey, streamHeader),
      stream: toBase64(streamHeader),
    };
    headerBytes = encodeBackupHeader(header);
    return backupHeaderDigest(headerBytes);
  });

  let frames = 0;
  let plaintextBytes = 0;
  let fileBytes = headerBytes.length;
  const progress = (): BackupWriteProgress => ({ frames, plaintextBytes, fileBytes });
  yield headerBytes;
  options.onProgress?.(progress());

  const chunk = new Uint8Array(chunkSize);
  let filled = 0;
  // Copies `bytes` into the chunk and yields each chunk that fills up, encrypted, at once: a frame's
  // ciphertext is handed on as it is made, never gathered.
  function* append(bytes: Uint8Array): Generator<Uint8Array> {
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(chunkSize - filled, bytes.length - offset);
      chunk.set(bytes.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      plaintextBytes += take;
      if (filled === chunkSize) {
        filled = 0;
        const out = encryptor.push(chunk, false);
        fileBytes += out.length;
        yield out;
      }
    }
  }

  for await (const frame of options.frames) {
    yield* append(encodeFrameHead(frame));
    yield* append(frame.bytes);
    frames += 1;
    options.onProgress?.(progress());
  }
  // Whatever is left is shorter than a chunk (a full chunk was sealed above): pad it and finish.
  const final = encryptor.push(padBackupChunk(chunk.subarray(0, filled), chunkSize), true);
  fileBytes += final.length;
  yield final;
  const done = progress();
  options.onProgress?.(done);
  return done;
}

/** The file size a body of `plaintextBytes` framed bytes will have, for a size estimate before writing. */
export function backupBodySize(plaintextBytes: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  return (Math.floor(plaintextBytes / chunkSize) + 1) * (chunkSize + backupChunkOverhead());
}
