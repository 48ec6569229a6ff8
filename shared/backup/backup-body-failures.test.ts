/**
 * Opening a `.carnet` file whose body is cut or altered: each chunk is checked in its place, and the
 * final one must be there. Each case damages a copy of one small multi-chunk backup.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium.ts';
import { openBackup } from './backup-reader.ts';
import {
  chunkAt,
  expectFailure,
  flip,
  headerLengthOf,
  headerOf,
  PASSPHRASE,
  rewriteHeader,
  type SampleBackup,
  STORED,
  sampleBackup,
} from './damaged-files.ts';
import { concat, expectBackupError, fastDeriveKeys, pieces } from './testing.ts';

beforeAll(initCrypto);

let s: SampleBackup;
beforeAll(async () => {
  s = await sampleBackup();
});

describe('a backup whose body is cut or altered', () => {
  it('truncated: cut mid-chunk, at a chunk boundary, or one byte short of the end', async () => {
    const cuts = [
      s.headerLength + 10,
      s.headerLength + STORED + 500,
      s.headerLength + 2 * STORED,
      s.file.length - STORED, // the final chunk missing
      s.file.length - 1,
    ];
    for (const at of cuts) await expectFailure(s.file.subarray(0, at), 'truncated');
  });

  it('a truncated s.file yields the frames before the cut, then fails: restores must stage', async () => {
    const opened = await openBackup(
      pieces(s.file.subarray(0, s.file.length - STORED)),
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

  it('tampered: a flipped byte in the first, a middle or the final chunk', async () => {
    for (const at of [
      s.headerLength,
      s.headerLength + STORED * 2 + 100,
      s.file.length - 300,
      s.file.length - 1,
    ]) {
      await expectFailure(flip(s.file, at), 'tampered');
    }
  });

  it('tampered: chunks reordered, dropped, repeated, or data after the final chunk', async () => {
    const chunks = Array.from({ length: s.chunkCount }, (_, i) => chunkAt(s, i));
    const header = s.file.subarray(0, s.headerLength);
    const [c0, c1, ...rest] = chunks as [Uint8Array, Uint8Array, ...Uint8Array[]];
    await expectFailure(concat([header, c1, c0, ...rest]), 'tampered');
    await expectFailure(concat([header, c0, ...rest]), 'tampered');
    await expectFailure(concat([header, c0, c0, c1, ...rest]), 'tampered');
    await expectFailure(concat([header, ...chunks, chunks.at(-1) as Uint8Array]), 'tampered');
    await expectFailure(concat([s.file, new Uint8Array([0])]), 'tampered');
    await expectFailure(concat([s.file, new Uint8Array(STORED)]), 'tampered');
  });

  it('tampered: a header rewritten with a valid checksum no longer matches its body', async () => {
    await expectFailure(
      rewriteHeader(s.file, (h) => ({ ...h, createdAt: h.createdAt + 1 })),
      'tampered',
    );
    // Another backup of the same vault: its header (s.file key wrap, stream) on this body, and this header
    // with its s.file key wrap swapped for the other's.
    const other = await s.write();
    const otherHeader = headerOf(other);
    await expectFailure(
      concat([other.subarray(0, headerLengthOf(other)), s.file.subarray(s.headerLength)]),
      'tampered',
    );
    await expectFailure(
      rewriteHeader(s.file, (h) => ({ ...h, fileKey: otherHeader.fileKey })),
      'tampered',
    );
    // A wrap whose ciphertext was altered opens nothing.
    await expectFailure(
      rewriteHeader(s.file, (h) => ({
        ...h,
        fileKey: {
          ...h.fileKey,
          ciphertext: `${h.fileKey.ciphertext.slice(0, -1)}${h.fileKey.ciphertext.endsWith('A') ? 'B' : 'A'}`,
        },
      })),
      'tampered',
    );
  });
});
