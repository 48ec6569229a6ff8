import { beforeAll, describe, expect, it } from 'vitest';
import {
  backupHeaderDigest,
  generateBackupFileKey,
  padBackupChunk,
  unpadBackupChunk,
  unwrapBackupFileKey,
  wrapBackupFileKey,
} from './backup-keys.ts';
import {
  backupChunkOverhead,
  backupStreamHeaderBytes,
  createBackupStreamDecryptor,
  createBackupStreamEncryptor,
} from './backup-stream.ts';
import { utf8 } from './encoding.ts';
import { initCrypto } from './sodium.ts';
import { generateKey } from './symmetric-key.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

const AD = utf8('header digest stand-in');

function sealed(count: number) {
  const fileKey = generateBackupFileKey();
  const encryptor = createBackupStreamEncryptor(fileKey, () => AD);
  const chunks = Array.from({ length: count }, (_, i) => encryptor.push(utf8(`chunk ${i}`), i === count - 1));
  return { fileKey, header: encryptor.header, chunks };
}

describe('backup stream cipher', () => {
  it('adds 17 bytes a chunk, starts from a 24-byte header, and marks only the last chunk final', () => {
    expect([backupChunkOverhead(), backupStreamHeaderBytes()]).toEqual([17, 24]);
    const { fileKey, header, chunks } = sealed(3);
    expect(chunks.map((c) => c.length)).toEqual([24, 24, 24]);
    const decryptor = createBackupStreamDecryptor(fileKey, header, AD);
    expect(chunks.map((c) => decryptor.pull(c).final)).toEqual([false, false, true]);
  });

  it('refuses a chunk out of place, under other additional data, altered, or after the final one', () => {
    const { fileKey, header, chunks } = sealed(3);
    const [c0, c1, c2] = chunks as [Uint8Array, Uint8Array, Uint8Array];
    expectReason(() => createBackupStreamDecryptor(fileKey, header, AD).pull(c1), 'tampered');
    expectReason(() => createBackupStreamDecryptor(fileKey, header, utf8('other')).pull(c0), 'tampered');
    expectReason(() => createBackupStreamDecryptor(fileKey, header, AD).pull(flipByte(c0, 20)), 'tampered');
    expectReason(() => createBackupStreamDecryptor(fileKey, header, AD).pull(c0.subarray(0, 10)), 'tampered');
    const decryptor = createBackupStreamDecryptor(fileKey, header, AD);
    for (const chunk of [c0, c1, c2]) decryptor.pull(chunk);
    expectReason(() => decryptor.pull(c2), 'tampered');
    const encryptor = createBackupStreamEncryptor(fileKey, () => AD);
    encryptor.push(new Uint8Array(1), true);
    expectReason(() => encryptor.push(new Uint8Array(1), false), 'invalid-input');
  });

  it('binds the file key wrap to its stream header', () => {
    const vaultKey = generateKey();
    const fileKey = generateBackupFileKey((n) => new Uint8Array(n).fill(3));
    const { header } = sealed(1);
    const wrapped = wrapBackupFileKey(fileKey, vaultKey, header);
    expect(unwrapBackupFileKey(wrapped, vaultKey, header).id).toBe(fileKey.id);
    expectReason(() => unwrapBackupFileKey(wrapped, vaultKey, flipByte(header, 0)), 'tampered');
    expectReason(() => unwrapBackupFileKey(wrapped, generateKey(), header), 'wrong-key');
  });

  it('pads a final chunk to the full size and takes the padding off again', () => {
    for (const length of [0, 1, 1023]) {
      const padded = padBackupChunk(new Uint8Array(length).fill(1), 1024);
      expect(padded).toHaveLength(1024);
      expect(unpadBackupChunk(padded, 1024)).toHaveLength(length);
    }
    expectReason(() => padBackupChunk(new Uint8Array(1024), 1024), 'invalid-input');
    expectReason(() => unpadBackupChunk(new Uint8Array(1024), 1024), 'tampered');
    expect(backupHeaderDigest(utf8('x'))).toHaveLength(32);
  });
});
