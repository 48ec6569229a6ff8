/**
 * Opens a `.carnet` backup (backup-format.ts) as a stream: file bytes in, header then frames out.
 *
 * `openBackup` reads and checks the header, runs the KDF (or parses the recovery key), unwraps the
 * vault key and the file key, and only then resolves: a wrong secret is known before any frame is
 * read. `frames()` then decrypts chunk by chunk and yields each frame once its last chunk has
 * authenticated. Only a completed iteration proves the file whole: a truncated or tampered file
 * yields some good frames before it throws, so a restore must stage what it reads and commit only
 * after the iteration ends without error (the existing vault then stays untouched on any failure).
 *
 * Memory: one chunk, plus the frame being assembled.
 */
import { backupHeaderDigest, unpadBackupChunk } from '../crypto/backup-keys.ts';
import { backupChunkOverhead, createBackupStreamDecryptor } from '../crypto/backup-stream.ts';
import { fromBase64 } from '../crypto/encoding.ts';
import type { UnlockedVault } from '../crypto/keyring.ts';
import type { SymmetricKey } from '../crypto/symmetric-key.ts';
import { BackupError } from './backup-error.ts';
import {
  type BackupSecret,
  type DeriveAccountKeys,
  inlineDeriveAccountKeys,
  openBackupFileKey,
  unlockBackup,
} from './backup-unlock.ts';
import { ByteReader } from './byte-reader.ts';
import { type BackupFrame, FrameParser } from './frame-codec.ts';
import { type BackupHeader, readBackupHeader } from './header-codec.ts';

export interface BackupReadProgress {
  /** File bytes consumed so far (header included): against the file size, a percentage. */
  readonly bytesRead: number;
  readonly frames: number;
}

export interface OpenBackupOptions {
  readonly deriveKeys?: DeriveAccountKeys;
  /** Called after the header and after every chunk. */
  readonly onProgress?: (progress: BackupReadProgress) => void;
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  /** The backup's vault key and identity: compare `vault.vaultKey.id` with the open vault's. */
  readonly vault: UnlockedVault;
  /** The frames in file order; callable once. Returns the totals when the whole file checked out. */
  frames(): AsyncGenerator<BackupFrame, BackupReadProgress, undefined>;
  /** Releases the source without reading the frames (the user cancelled after the header). */
  close(): Promise<void>;
  /**
   * The frames again, from a new source of the same file, without running the KDF again: a restore
   * verifies and plans on a first pass, then applies on a second. A source whose header differs is
   * refused as `tampered`; its body is checked as on the first pass.
   */
  reread(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): AsyncGenerator<BackupFrame, BackupReadProgress, undefined>;
}

/**
 * The header alone, before any secret is asked for: tells a non-backup, a newer version or a damaged
 * header at once, and gives the date to show. Nothing in it is authenticated until `openBackup`
 * reads the body, so it is for display only.
 */
export async function inspectBackup(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ readonly createdAt: number }> {
  const reader = new ByteReader(source);
  try {
    const { header } = await readBackupHeader(reader);
    return { createdAt: header.createdAt };
  } finally {
    await reader.close();
  }
}

export async function openBackup(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  secret: BackupSecret,
  options: OpenBackupOptions = {},
): Promise<OpenedBackup> {
  const reader = new ByteReader(source);
  try {
    const { header, bytes } = await readBackupHeader(reader);
    const vault = await unlockBackup(header, secret, options.deriveKeys ?? inlineDeriveAccountKeys);
    const streamHeader = fromBase64(header.stream, 'stream');
    const fileKey = openBackupFileKey(header, vault.vaultKey, streamHeader);
    options.onProgress?.({ bytesRead: reader.consumed, frames: 0 });
    let started = false;
    return {
      header,
      vault,
      frames() {
        if (started) throw new BackupError('invalid-frame', 'a backup’s frames can be read once');
        started = true;
        return readFrames(reader, header, fileKey, streamHeader, backupHeaderDigest(bytes), options);
      },
      async close() {
        if (!started) await reader.close();
        started = true;
      },
      reread(again) {
        return rereadFrames(new ByteReader(again), bytes, header, fileKey, streamHeader, options);
      },
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

async function* readFrames(
  reader: ByteReader,
  header: BackupHeader,
  fileKey: SymmetricKey,
  streamHeader: Uint8Array,
  ad: Uint8Array,
  options: OpenBackupOptions,
): AsyncGenerator<BackupFrame, BackupReadProgress, undefined> {
  const stored = header.chunkSize + backupChunkOverhead();
  const parser = new FrameParser();
  let frames = 0;
  try {
    const decryptor = createBackupStreamDecryptor(fileKey, streamHeader, ad);
    for (;;) {
      const piece = await reader.read(stored);
      // Every chunk, the final one included, has the same stored size: anything shorter is a cut.
      if (piece.length < stored) {
        throw new BackupError('truncated', 'the backup ends before its final chunk', {
          at: reader.consumed,
        });
      }
      const { plaintext, final } = pull(decryptor, piece);
      const frameBytes = final ? unpad(plaintext, header.chunkSize) : plaintext;
      for (const frame of parseOrThrow(parser, frameBytes)) {
        frames += 1;
        yield frame;
      }
      options.onProgress?.({ bytesRead: reader.consumed, frames });
      if (final) break;
    }
    try {
      parser.finish();
    } catch (error) {
      throw asBackupError(error);
    }
    if (!(await reader.atEnd())) throw new BackupError('tampered', 'data follows the final chunk');
    return { bytesRead: reader.consumed, frames };
  } finally {
    await reader.close();
  }
}

async function* rereadFrames(
  reader: ByteReader,
  expected: Uint8Array,
  header: BackupHeader,
  fileKey: SymmetricKey,
  streamHeader: Uint8Array,
  options: OpenBackupOptions,
): AsyncGenerator<BackupFrame, BackupReadProgress, undefined> {
  let bytes: Uint8Array;
  try {
    bytes = (await readBackupHeader(reader)).bytes;
  } catch (error) {
    await reader.close();
    throw error;
  }
  if (bytes.length !== expected.length || !bytes.every((byte, i) => byte === expected[i])) {
    await reader.close();
    throw new BackupError('tampered', 'the file changed since it was opened');
  }
  return yield* readFrames(reader, header, fileKey, streamHeader, backupHeaderDigest(bytes), options);
}

function pull(
  decryptor: ReturnType<typeof createBackupStreamDecryptor>,
  piece: Uint8Array,
): { plaintext: Uint8Array; final: boolean } {
  try {
    return decryptor.pull(piece);
  } catch {
    throw new BackupError('tampered', 'a part of the backup was altered, moved or removed');
  }
}

function unpad(plaintext: Uint8Array, chunkSize: number): Uint8Array {
  try {
    return unpadBackupChunk(plaintext, chunkSize);
  } catch {
    throw new BackupError('tampered', 'the backup’s final chunk is malformed');
  }
}

function parseOrThrow(parser: FrameParser, bytes: Uint8Array): BackupFrame[] {
  try {
    return parser.push(bytes);
  } catch (error) {
    throw asBackupError(error);
  }
}

function asBackupError(error: unknown): unknown {
  return error instanceof BackupError
    ? error
    : new BackupError('tampered', 'the backup’s content is malformed');
}
