/**
 * A small multi-chunk backup and the tools to damage copies of it, for the failure tests
 * (imported by *.test.ts only). Chunks are 1 KiB, so a few KB of frames make several of them.
 */
import { fromUtf8, utf8 } from '../crypto/encoding.ts';
import type { CreatedVault } from '../crypto/keyring.ts';
import type { BackupErrorReason } from './backup-error.ts';
import { BACKUP_PREFIX_BYTES } from './backup-format.ts';
import { openBackup } from './backup-reader.ts';
import type { BackupSecret } from './backup-unlock.ts';
import { createBackupWriter } from './backup-writer.ts';
import type { BackupFrame } from './frame-codec.ts';
import { type BackupHeader, encodeBackupHeader } from './header-codec.ts';
import {
  collect,
  concat,
  expectBackupError,
  fastDeriveKeys,
  fastVault,
  pieces,
  randomData,
} from './testing.ts';

export const PASSPHRASE = 'glacier-thimble-orchard-91';
export const CHUNK = 1024;
export const STORED = CHUNK + 17;

export interface SampleBackup {
  readonly vault: CreatedVault;
  readonly file: Uint8Array;
  readonly headerLength: number;
  readonly chunkCount: number;
  /** Another backup of the same vault. */
  write(): Promise<Uint8Array>;
}

export async function sampleBackup(): Promise<SampleBackup> {
  const vault = fastVault(PASSPHRASE);
  const frames: BackupFrame[] = [
    { type: 'profile', id: 'p1', bytes: utf8('{"id":"p1"}') },
    { type: 'blob', id: 'r1_0', bytes: randomData(5000) },
    { type: 'record', id: 'r2', bytes: utf8('{"id":"r2"}') },
  ];
  const write = () =>
    collect(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames, chunkSize: CHUNK }),
    );
  const file = await write();
  const headerLength = headerLengthOf(file);
  return { vault, file, headerLength, chunkCount: (file.length - headerLength) / STORED, write };
}

export function headerLengthOf(bytes: Uint8Array): number {
  return BACKUP_PREFIX_BYTES + new DataView(bytes.buffer, bytes.byteOffset).getUint32(10) + 16;
}

export function chunkAt(sample: SampleBackup, index: number): Uint8Array {
  const start = sample.headerLength + index * STORED;
  return sample.file.subarray(start, start + STORED);
}

export function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

export function headerOf(bytes: Uint8Array): BackupHeader {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(10);
  return JSON.parse(fromUtf8(bytes.subarray(BACKUP_PREFIX_BYTES, BACKUP_PREFIX_BYTES + length)));
}

/** The header re-encoded after `change`, checksum recomputed, body kept: a deliberate rewrite. */
export function rewriteHeader(bytes: Uint8Array, change: (header: BackupHeader) => unknown): Uint8Array {
  const header = change(headerOf(bytes)) as BackupHeader;
  return concat([encodeBackupHeader(header), bytes.subarray(headerLengthOf(bytes))]);
}

/** Opens and reads every frame; resolves to the frames read, rejects with the first error. */
export async function readAll(
  bytes: Uint8Array,
  secret: BackupSecret = { passphrase: PASSPHRASE },
): Promise<BackupFrame[]> {
  const opened = await openBackup(pieces(bytes, 700), secret, { deriveKeys: fastDeriveKeys });
  const frames: BackupFrame[] = [];
  for await (const frame of opened.frames()) frames.push(frame);
  return frames;
}

export function expectFailure(bytes: Uint8Array, reason: BackupErrorReason, secret?: BackupSecret) {
  return expectBackupError(readAll(bytes, secret), reason);
}
