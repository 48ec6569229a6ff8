/** Test helpers for the backup container (imported by *.test.ts and the bench only). */
import { type AccountKeys, deriveAccountKeys, generateSalt } from '../crypto/account-keys.ts';
import { utf8 } from '../crypto/encoding.ts';
import { DEFAULT_KDF_PARAMS } from '../crypto/kdf-params.ts';
import { type CreatedVault, createVaultWithKeys } from '../crypto/keyring.ts';
import { sodium } from '../crypto/sodium.ts';
import { BackupError, type BackupErrorReason } from './backup-error.ts';
import type { DeriveAccountKeys } from './backup-unlock.ts';

/**
 * A stand-in for Argon2id (keyed BLAKE2b of the passphrase by the salt): the container's logic is the
 * same whatever the KDF, and dozens of tests must not each spend 64 MiB and half a second.
 */
export const fastDeriveKeys: DeriveAccountKeys = async (passphrase, salt) =>
  fastAccountKeys(passphrase, salt);

function fastAccountKeys(passphrase: string, salt: Uint8Array): AccountKeys {
  return deriveAccountKeys(sodium().crypto_generichash(32, utf8(passphrase.normalize('NFC')), salt));
}

/** A vault whose keyring opens with `passphrase` under `fastDeriveKeys`. */
export function fastVault(passphrase: string): CreatedVault {
  const salt = generateSalt();
  return createVaultWithKeys(fastAccountKeys(passphrase, salt), salt, DEFAULT_KDF_PARAMS);
}

/** Random test data; libsodium's `randombytes_buf` is far too slow for megabytes in WebAssembly. */
export function randomData(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return out;
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of chunks) parts.push(part);
  return concat(parts);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Serves `bytes` in pieces of `size`, as a file stream would. */
export async function* pieces(bytes: Uint8Array, size = 65_536): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function expectBackupError(
  promise: Promise<unknown>,
  reason: BackupErrorReason,
): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError && error.reason === reason) return error;
    throw new Error(`expected BackupError ${reason}, got ${String(error)}`);
  }
  throw new Error(`expected BackupError ${reason}, but nothing was thrown`);
}
