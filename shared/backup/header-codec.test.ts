import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../crypto/encoding.ts';
import { initCrypto } from '../crypto/sodium.ts';
import { BACKUP_PREFIX_BYTES } from './backup-format.ts';
import { ByteReader } from './byte-reader.ts';
import { type BackupHeader, encodeBackupHeader, readBackupHeader } from './header-codec.ts';
import { fastVault } from './testing.ts';

beforeAll(initCrypto);

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('header codec', () => {
  it('lays out magic, version, length, JSON and checksum (known answer)', () => {
    const header = { createdAt: 0 } as unknown as BackupHeader;
    const bytes = encodeBackupHeader(header);
    // "\x89CARNET\n", version 1, 15 bytes of JSON: {"createdAt":0}
    expect(hex(bytes.subarray(0, BACKUP_PREFIX_BYTES))).toBe('894341524e45540a00010000000f');
    expect(new TextDecoder().decode(bytes.subarray(BACKUP_PREFIX_BYTES, BACKUP_PREFIX_BYTES + 15))).toBe(
      '{"createdAt":0}',
    );
    // BLAKE2b-128 (unkeyed) of the 29 bytes before it; the same as Python's hashlib.blake2b(…, digest_size=16).
    expect(hex(bytes.subarray(BACKUP_PREFIX_BYTES + 15))).toBe('fcd68aa07ac5a49c254c761b761825a3');
  });

  it('reads back what it wrote, with the exact bytes the body authenticates', async () => {
    const vault = fastVault('a passphrase');
    const header: BackupHeader = {
      createdAt: 1_700_000_000_000,
      chunkSize: 65_536,
      keyring: vault.keyring,
      fileKey: vault.keyring.vaultKeyByRecoveryKey,
      stream: toBase64(new Uint8Array(24)),
    };
    const bytes = encodeBackupHeader(header);
    const read = await readBackupHeader(new ByteReader([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(read.header).toEqual(header);
    expect(read.bytes).toEqual(bytes);
  });
});
