/**
 * Every way a `.carnet` file can fail to open, each with its reason. A file with several chunks
 * (1 KiB each) is written once; each case damages a copy of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../crypto/encoding.ts';
import { encodeKdfParams } from '../crypto/kdf-params.ts';
import { initCrypto } from '../crypto/sodium.ts';
import type { BackupErrorReason } from './backup-error.ts';
import { BACKUP_PREFIX_BYTES } from './backup-format.ts';
import { type BackupSecret, openBackup } from './backup-reader.ts';
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

beforeAll(initCrypto);

const PASSPHRASE = 'glacier-thimble-orchard-91';
const CHUNK = 1024;
const STORED = CHUNK + 17;

const FRAMES: BackupFrame[] = [
  { type: 'profile', id: 'p1', bytes: utf8('{"id":"p1"}') },
  { type: 'blob', id: 'r1_0', bytes: randomData(5000) },
  { type: 'record', id: 'r2', bytes: utf8('{"id":"r2"}') },
];

let vault: ReturnType<typeof fastVault>;
let file: Uint8Array;
let headerLength: number;
let chunkCount: number;

beforeAll(async () => {
  vault = fastVault(PASSPHRASE);
  file = await write();
  headerLength = headerLengthOf(file);
  chunkCount = (file.length - headerLength) / STORED;
});

function write(): Promise<Uint8Array> {
  return collect(
    createBackupWriter({
      keyring: vault.keyring,
      vaultKey: vault.vaultKey,
      frames: FRAMES,
      chunkSize: CHUNK,
    }),
  );
}

function headerLengthOf(bytes: Uint8Array): number {
  return BACKUP_PREFIX_BYTES + new DataView(bytes.buffer, bytes.byteOffset).getUint32(10) + 16;
}

function chunkAt(bytes: Uint8Array, index: number): Uint8Array {
  const start = headerLength + index * STORED;
  return bytes.subarray(start, start + STORED);
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

function headerOf(bytes: Uint8Array): BackupHeader {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(10);
  return JSON.parse(fromUtf8(bytes.subarray(BACKUP_PREFIX_BYTES, BACKUP_PREFIX_BYTES + length)));
}

/** The header re-encoded after `change`, checksum recomputed, body kept: a deliberate rewrite. */
function rewriteHeader(bytes: Uint8Array, change: (header: BackupHeader) => unknown): Uint8Array {
  const header = change(headerOf(bytes)) as BackupHeader;
  return concat([encodeBackupHeader(header), bytes.subarray(headerLengthOf(bytes))]);
}

/** Opens and reads every frame; resolves to the frames read, rejects with the first error. */
async function readAll(bytes: Uint8Array, secret: BackupSecret = { passphrase: PASSPHRASE }) {
  const opened = await openBackup(pieces(bytes, 700), secret, { deriveKeys: fastDeriveKeys });
  const frames: BackupFrame[] = [];
  for await (const frame of opened.frames()) frames.push(frame);
  return frames;
}

async function expectFailure(bytes: Uint8Array, reason: BackupErrorReason, secret?: BackupSecret) {
  return expectBackupError(readAll(bytes, secret), reason);
}

describe('opening a backup that cannot be opened', () => {
  it('the sample file has several chunks and opens', async () => {
    expect(chunkCount).toBeGreaterThanOrEqual(5);
    expect(Number.isInteger(chunkCount)).toBe(true);
    expect(await readAll(file)).toHaveLength(3);
  });

  it('wrong-secret: a wrong or empty passphrase', async () => {
    const wrong = await expectFailure(file, 'wrong-secret', { passphrase: 'glacier-thimble-orchard-92' });
    expect(wrong.meta.secret).toBe('passphrase');
    await expectFailure(file, 'wrong-secret', { passphrase: '' });
  });

  it('wrong-secret: another vault’s recovery key, or one with a typo', async () => {
    const other = fastVault(PASSPHRASE);
    expect((await expectFailure(file, 'wrong-secret', { recoveryKey: other.recoveryKey })).meta.secret).toBe(
      'recovery-key',
    );
    const last = vault.recoveryKey.at(-1) === 'A' ? 'B' : 'A';
    const typo = await expectFailure(file, 'wrong-secret', {
      recoveryKey: `${vault.recoveryKey.slice(0, -1)}${last}`,
    });
    expect(typo.meta.problem).toBe('checksum');
  });

  it('not-a-backup: an empty file, random bytes, a JSON file, an image', async () => {
    await expectFailure(new Uint8Array(0), 'not-a-backup');
    await expectFailure(
      randomData(5000).map((b, i) => (i === 0 ? b & 0x7f : b)),
      'not-a-backup',
    );
    await expectFailure(utf8(JSON.stringify({ keyring: vault.keyring, frames: [] })), 'not-a-backup');
    await expectFailure(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'not-a-backup',
    );
    await expectFailure(flip(file, 1), 'not-a-backup');
  });

  it('truncated: cut inside the magic, the prefix, the header JSON, or right after the header', async () => {
    for (const at of [3, 9, 12, BACKUP_PREFIX_BYTES + 5, headerLength - 1, headerLength]) {
      await expectFailure(file.subarray(0, at), 'truncated');
    }
  });

  it('truncated: cut mid-chunk, at a chunk boundary, or one byte short of the end', async () => {
    const cuts = [
      headerLength + 10,
      headerLength + STORED + 500,
      headerLength + 2 * STORED,
      file.length - STORED, // the final chunk missing
      file.length - 1,
    ];
    for (const at of cuts) await expectFailure(file.subarray(0, at), 'truncated');
  });

  it('a truncated file yields the frames before the cut, then fails: restores must stage', async () => {
    const opened = await openBackup(
      pieces(file.subarray(0, file.length - STORED)),
      { passphrase: PASSPHRASE },
      {
        deriveKeys: fastDeriveKeys,
      },
    );
    const seen: string[] = [];
    await expectBackupError(
      (async () => {
        for await (const frame of opened.frames()) seen.push(frame.id);
      })(),
      'truncated',
    );
    expect(seen).toContain('p1');
  });

  it('corrupt-header: a flipped byte in the header JSON, its length or its checksum', async () => {
    await expectFailure(flip(file, BACKUP_PREFIX_BYTES + 20), 'corrupt-header');
    await expectFailure(flip(file, headerLength - 20), 'corrupt-header');
    await expectFailure(flip(file, headerLength - 1), 'corrupt-header');
    await expectFailure(flip(file, 13), 'corrupt-header');
    const zeroLength = file.slice();
    zeroLength.set([0, 0, 0, 0], 10);
    await expectFailure(zeroLength, 'corrupt-header');
    const hugeLength = file.slice();
    hugeLength.set([0, 0x10, 0, 0], 10);
    await expectFailure(hugeLength, 'corrupt-header');
  });

  it('corrupt-header: a rewritten header that weakens the KDF or breaks the schema', async () => {
    const weak = rewriteHeader(file, (h) => ({
      ...h,
      keyring: {
        ...h.keyring,
        kdf: encodeKdfParams({ version: 1, algorithm: 'argon2id13', memoryKiB: 65_536, passes: 3 }).replace(
          'm=65536',
          'm=1024',
        ),
      },
    }));
    await expectFailure(weak, 'corrupt-header');
    await expectFailure(
      rewriteHeader(file, (h) => ({ ...h, extra: 1 })),
      'corrupt-header',
    );
    await expectFailure(
      rewriteHeader(file, (h) => ({ ...h, chunkSize: 1 << 30 })),
      'corrupt-header',
    );
  });

  it('newer-version: a newer file format, or a newer keyring inside', async () => {
    const newer = file.slice();
    newer.set([0, 2], 8);
    expect((await expectFailure(newer, 'newer-version')).meta.version).toBe(2);
    await expectFailure(
      rewriteHeader(file, (h) => ({ ...h, keyring: { ...h.keyring, v: 2 } })),
      'newer-version',
    );
  });

  it('tampered: a flipped byte in the first, a middle or the final chunk', async () => {
    for (const at of [headerLength, headerLength + STORED * 2 + 100, file.length - 300, file.length - 1]) {
      await expectFailure(flip(file, at), 'tampered');
    }
  });

  it('tampered: chunks reordered, dropped, repeated, or data after the final chunk', async () => {
    const chunks = Array.from({ length: chunkCount }, (_, i) => chunkAt(file, i));
    const header = file.subarray(0, headerLength);
    const [c0, c1, ...rest] = chunks as [Uint8Array, Uint8Array, ...Uint8Array[]];
    await expectFailure(concat([header, c1, c0, ...rest]), 'tampered');
    await expectFailure(concat([header, c0, ...rest]), 'tampered');
    await expectFailure(concat([header, c0, c0, c1, ...rest]), 'tampered');
    await expectFailure(concat([header, ...chunks, chunks.at(-1) as Uint8Array]), 'tampered');
    await expectFailure(concat([file, new Uint8Array([0])]), 'tampered');
    await expectFailure(concat([file, new Uint8Array(STORED)]), 'tampered');
  });

  it('tampered: a header rewritten with a valid checksum no longer matches its body', async () => {
    await expectFailure(
      rewriteHeader(file, (h) => ({ ...h, createdAt: h.createdAt + 1 })),
      'tampered',
    );
    // Another backup of the same vault: its header (file key wrap, stream) on this body, and this header
    // with its file key wrap swapped for the other's.
    const other = await write();
    const otherHeader = headerOf(other);
    await expectFailure(
      concat([other.subarray(0, headerLengthOf(other)), file.subarray(headerLength)]),
      'tampered',
    );
    await expectFailure(
      rewriteHeader(file, (h) => ({ ...h, fileKey: otherHeader.fileKey })),
      'tampered',
    );
    // A wrap whose ciphertext was altered opens nothing.
    await expectFailure(
      rewriteHeader(file, (h) => ({
        ...h,
        fileKey: {
          ...h.fileKey,
          ciphertext: `${h.fileKey.ciphertext.slice(0, -1)}${h.fileKey.ciphertext.endsWith('A') ? 'B' : 'A'}`,
        },
      })),
      'tampered',
    );
  });

  it('a wrong secret is known before any frame is read', async () => {
    await expectBackupError(
      openBackup(pieces(file), { passphrase: 'nope nope nope' }, { deriveKeys: fastDeriveKeys }),
      'wrong-secret',
    );
  });
});
