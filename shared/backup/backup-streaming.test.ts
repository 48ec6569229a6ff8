/**
 * The writer and reader stream: output is handed on while input is still coming, and a reader yields
 * a frame long before it has read the whole file. That is what keeps a 20 MB document from sitting in
 * memory twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/encoding.ts';
import { initCrypto } from '../crypto/sodium.ts';
import { openBackup } from './backup-reader.ts';
import { createBackupWriter } from './backup-writer.ts';
import type { BackupFrame } from './frame-codec.ts';
import { collect, fastDeriveKeys, fastVault, randomData } from './testing.ts';
import { readableStreamSource, toReadableStream } from './web-streams.ts';

beforeAll(initCrypto);

const PASSPHRASE = 'glacier-thimble-orchard-91';
const BLOB = 600_000;

describe('backup streaming', () => {
  it('yields a frame’s chunks before the next frame is asked for', async () => {
    const vault = fastVault(PASSPHRASE);
    let yielded = 0;
    const seenWhenAsked: number[] = [];
    async function* frames(): AsyncGenerator<BackupFrame> {
      for (let i = 0; i < 3; i++) {
        seenWhenAsked.push(yielded);
        yield { type: 'blob', id: `d_${i}`, bytes: randomData(BLOB) };
      }
    }
    for await (const _ of createBackupWriter({
      keyring: vault.keyring,
      vaultKey: vault.vaultKey,
      frames: frames(),
    })) {
      yielded += 1;
    }
    // The header, then about nine 64 KiB chunks per 600 KB frame, handed on as each was sealed.
    expect(seenWhenAsked[1]).toBeGreaterThanOrEqual(1 + Math.floor(BLOB / 65_536));
    expect(seenWhenAsked[2]).toBeGreaterThanOrEqual(1 + Math.floor((2 * BLOB) / 65_536));
  });

  it('yields the first frame after reading only the start of the file', async () => {
    const vault = fastVault(PASSPHRASE);
    const frames: BackupFrame[] = [
      { type: 'profile', id: 'p1', bytes: utf8('{}') },
      ...Array.from({ length: 4 }, (_, i) => ({
        type: 'blob' as const,
        id: `d_${i}`,
        bytes: randomData(BLOB),
      })),
    ];
    const file = await collect(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames }),
    );
    let served = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let offset = 0; offset < file.length; offset += 16_384) {
        served = Math.min(file.length, offset + 16_384);
        yield file.subarray(offset, offset + 16_384);
      }
    }
    const opened = await openBackup(source(), { passphrase: PASSPHRASE }, { deriveKeys: fastDeriveKeys });
    const iterator = opened.frames();
    const first = await iterator.next();
    expect(first.done ? null : first.value.id).toBe('p1');
    expect(served).toBeLessThan(200_000);
    expect(file.length).toBeGreaterThan(2_000_000);
    await iterator.return(undefined as never);
  });

  it('goes through WHATWG streams both ways, and stops the source when reading stops early', async () => {
    const vault = fastVault(PASSPHRASE);
    const frames: BackupFrame[] = [{ type: 'setting', id: 'emergency', bytes: utf8('{"on":true}') }];
    const stream = toReadableStream(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames }),
    );
    const file = new Uint8Array(await new Response(stream).arrayBuffer());
    const opened = await openBackup(
      readableStreamSource(new Response(file).body as ReadableStream<Uint8Array>),
      {
        recoveryKey: vault.recoveryKey,
      },
    );
    const read: string[] = [];
    for await (const frame of opened.frames()) read.push(frame.id);
    expect(read).toEqual(['emergency']);

    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
      cancel: () => {
        cancelled = true;
      },
    });
    await expect(openBackup(readableStreamSource(endless), { passphrase: PASSPHRASE })).rejects.toMatchObject(
      {
        reason: 'not-a-backup',
      },
    );
    expect(cancelled).toBe(true);
  });
});
