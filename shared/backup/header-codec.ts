/**
 * Encodes and decodes the plaintext header of a `.carnet` file (layout in backup-format.ts): the
 * prefix, the header JSON and its checksum. Decoding checks, in this order, so each failure gets the
 * reason the user can act on: magic (`not-a-backup`, or `truncated` for a cut-off magic), version
 * (`newer-version`), length and checksum (`corrupt-header`), then the JSON against a strict schema.
 * It never runs a KDF and never decrypts: the header's authenticity is proven later, by the body.
 */
import { BACKUP_HEADER_CHECKSUM_BYTES, backupHeaderChecksum } from '../crypto/backup-keys.ts';
import { fromUtf8, utf8 } from '../crypto/encoding.ts';
import type { WrappedSecret } from '../crypto/key-wrap.ts';
import { KEYRING_VERSION, type Keyring } from '../crypto/keyring.ts';
import { base64urlField, keyringSchema, wrappedSecretSchema } from '../protocol/keyring.ts';
import { z } from '../schema/zod.ts';
import { BackupError } from './backup-error.ts';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  BACKUP_PREFIX_BYTES,
  MAX_CHUNK_SIZE,
  MAX_HEADER_JSON_BYTES,
  MIN_CHUNK_SIZE,
} from './backup-format.ts';
import type { ByteReader } from './byte-reader.ts';

export interface BackupHeader {
  /** Milliseconds since the epoch, from the writing device's clock. */
  readonly createdAt: number;
  /** Plaintext bytes per body chunk. */
  readonly chunkSize: number;
  /** The account keyring as it was when the backup was made. */
  readonly keyring: Keyring;
  /** The file key, wrapped by the vault key. */
  readonly fileKey: WrappedSecret;
  /** The secretstream header, base64url (24 bytes). */
  readonly stream: string;
}

const headerSchema = z.strictObject({
  createdAt: z.int().min(0),
  chunkSize: z.int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
  keyring: keyringSchema,
  fileKey: wrappedSecretSchema,
  stream: base64urlField('Stream header', { exact: 32 }),
});

/** The header's bytes, checksum included: what every body chunk authenticates. */
export function encodeBackupHeader(header: BackupHeader): Uint8Array {
  const json = utf8(JSON.stringify(header));
  if (json.length > MAX_HEADER_JSON_BYTES) {
    throw new BackupError('invalid-frame', 'the backup header is too large');
  }
  const out = new Uint8Array(BACKUP_PREFIX_BYTES + json.length + BACKUP_HEADER_CHECKSUM_BYTES);
  const view = new DataView(out.buffer);
  out.set(BACKUP_MAGIC, 0);
  view.setUint16(8, BACKUP_FORMAT_VERSION);
  view.setUint32(10, json.length);
  out.set(json, BACKUP_PREFIX_BYTES);
  const end = BACKUP_PREFIX_BYTES + json.length;
  out.set(backupHeaderChecksum(out.subarray(0, end)), end);
  return out;
}

function startsLikeMagic(bytes: Uint8Array): boolean {
  return bytes.every((byte, i) => byte === BACKUP_MAGIC[i]);
}

/** Reads the header from the start of `reader`; returns it with its exact bytes. */
export async function readBackupHeader(
  reader: ByteReader,
): Promise<{ header: BackupHeader; bytes: Uint8Array }> {
  const magic = await reader.read(BACKUP_MAGIC.length);
  if (magic.length === 0) throw new BackupError('not-a-backup', 'the file is empty');
  if (!startsLikeMagic(magic)) throw new BackupError('not-a-backup', 'this is not a Carnet backup');
  if (magic.length < BACKUP_MAGIC.length) throw new BackupError('truncated', 'the file ends in its header');
  const fixed = await reader.read(BACKUP_PREFIX_BYTES - BACKUP_MAGIC.length);
  if (fixed.length < BACKUP_PREFIX_BYTES - BACKUP_MAGIC.length) {
    throw new BackupError('truncated', 'the file ends in its header');
  }
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  const version = view.getUint16(0);
  if (version > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-version', `backup format ${version} is newer than this app`, { version });
  }
  const length = view.getUint32(2);
  if (version < 1 || length === 0 || length > MAX_HEADER_JSON_BYTES) {
    throw new BackupError('corrupt-header', 'the backup header is damaged');
  }
  const rest = await reader.read(length + BACKUP_HEADER_CHECKSUM_BYTES);
  if (rest.length < length + BACKUP_HEADER_CHECKSUM_BYTES) {
    throw new BackupError('truncated', 'the file ends in its header');
  }
  const bytes = new Uint8Array(BACKUP_PREFIX_BYTES + rest.length);
  bytes.set(magic, 0);
  bytes.set(fixed, BACKUP_MAGIC.length);
  bytes.set(rest, BACKUP_PREFIX_BYTES);
  const end = BACKUP_PREFIX_BYTES + length;
  const expected = backupHeaderChecksum(bytes.subarray(0, end));
  if (!expected.every((byte, i) => byte === bytes[end + i])) {
    throw new BackupError('corrupt-header', 'the backup header is damaged');
  }
  return { header: parseHeaderJson(bytes.subarray(BACKUP_PREFIX_BYTES, end)), bytes };
}

function parseHeaderJson(json: Uint8Array): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(json));
  } catch {
    throw new BackupError('corrupt-header', 'the backup header is not valid JSON');
  }
  const keyringVersion = (value as { keyring?: { v?: unknown } } | null)?.keyring?.v;
  if (typeof keyringVersion === 'number' && keyringVersion > KEYRING_VERSION) {
    throw new BackupError('newer-version', `keyring version ${keyringVersion} is newer than this app`, {
      version: keyringVersion,
    });
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    // Includes a KDF tag below the floor: a file must not make this device derive a weak key.
    throw new BackupError('corrupt-header', 'the backup header is not in the expected form', {
      field: parsed.error.issues[0]?.path.join('.') ?? '',
    });
  }
  return parsed.data;
}
