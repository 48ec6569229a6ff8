/**
 * Writes the whole vault as a `.carnet` file (shared/backup): every profile, record and document
 * chunk envelope as stored, tombstones included, then the settings frames. Made on the device, offline;
 * nothing of it is sent anywhere. The writer pulls envelopes a page at a time, so memory holds one
 * page and one 64 KiB chunk, whatever the vault's size.
 */
import { backupBodySize, createBackupWriter } from '../../../shared/backup/backup-writer.ts';
import { envelopeFrame } from '../../../shared/backup/envelope-frames.ts';
import type { BackupFrame } from '../../../shared/backup/frame-codec.ts';
import { toReadableStream } from '../../../shared/backup/web-streams.ts';
import { utf8 } from '../../../shared/crypto/encoding.ts';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { Session } from '../vault/vault-service.ts';
import { settingFrames } from './backup-settings.ts';
import { allStoredEnvelopes } from './vault-envelopes.ts';

export interface BackupSource {
  readonly db: CarnetDatabase;
  readonly keyring: Keyring;
  readonly session: Session;
  /** localStorage, for the settings worth keeping; omitted in tests. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;
}

export async function* backupFrames(source: BackupSource): AsyncGenerator<BackupFrame> {
  for await (const envelope of allStoredEnvelopes(source.db)) yield envelopeFrame(envelope);
  yield* await settingFrames(source.db, source.storage);
}

/** The file's bytes, header first; `onProgress` gets the file bytes written so far. */
export function backupBytes(
  source: BackupSource,
  onProgress?: (fileBytes: number) => void,
): AsyncGenerator<Uint8Array, unknown, undefined> {
  return createBackupWriter({
    keyring: source.keyring,
    vaultKey: source.session.vaultKey,
    frames: backupFrames(source),
    ...(onProgress && { onProgress: (p) => onProgress(p.fileBytes) }),
  });
}

export function backupStream(
  source: BackupSource,
  onProgress?: (fileBytes: number) => void,
): ReadableStream<Uint8Array> {
  return toReadableStream(backupBytes(source, onProgress));
}

/** The header holds the keyring (a few hundred bytes of JSON, base64 wraps): generously rounded. */
const HEADER_ALLOWANCE = 4096;

/**
 * The file size before writing: the framed envelopes' exact length (each envelope serialised, as the
 * writer will) through the body's fixed chunking, plus a header allowance. Reads every envelope once.
 */
export async function estimateBackupSize(source: BackupSource): Promise<number> {
  let plaintext = 0;
  // A frame's head: type, id length, id, byte length (frame-codec.ts).
  const count = (id: string, bytes: number) => {
    plaintext += 2 + utf8(id).length + 4 + bytes;
  };
  for await (const envelope of allStoredEnvelopes(source.db)) {
    count(envelope.id, utf8(JSON.stringify(envelope)).length);
  }
  for (const frame of await settingFrames(source.db, source.storage)) count(frame.id, frame.bytes.length);
  return backupBodySize(plaintext) + HEADER_ALLOWANCE;
}
