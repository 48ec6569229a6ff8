import { beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountKeys, generateSalt } from '../crypto/account-keys.ts';
import { fromUtf8, toBase64, utf8 } from '../crypto/encoding.ts';
import { createVault } from '../crypto/keyring.ts';
import { initCrypto, sodium } from '../crypto/sodium.ts';
import { type BackupReadProgress, inspectBackup, openBackup } from './backup-reader.ts';
import { type BackupWriteProgress, backupBodySize, createBackupWriter } from './backup-writer.ts';
import type { BackupFrame } from './frame-codec.ts';
import { collect, fastDeriveKeys, fastVault, pieces, randomData } from './testing.ts';

beforeAll(initCrypto);

const PASSPHRASE = 'glacier-thimble-orchard-91';

function sampleFrames(): BackupFrame[] {
  const document = randomData(300_000);
  return [
    { type: 'profile', id: 'p1', bytes: utf8('{"id":"p1","kind":"profile"}') },
    { type: 'record', id: 'r1', bytes: utf8('{"id":"r1","kind":"record","ciphertext":"…"}') },
    { type: 'blob', id: 'r1_0', bytes: document },
    { type: 'record', id: 'empty', bytes: new Uint8Array(0) },
    { type: 'setting', id: 'emergency', bytes: utf8('{"sealed":"x"}') },
  ];
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

async function readAll(
  file: Uint8Array,
  secret: { passphrase: string } | { recoveryKey: string },
  pieceSize?: number,
) {
  const opened = await openBackup(pieces(file, pieceSize), secret, { deriveKeys: fastDeriveKeys });
  const frames: BackupFrame[] = [];
  for await (const frame of opened.frames()) frames.push(frame);
  return { opened, frames };
}

describe('backup round trip', () => {
  it('gives back every frame, byte for byte, with the passphrase and with the recovery key', async () => {
    const vault = fastVault(PASSPHRASE);
    const frames = sampleFrames();
    const file = await collect(
      createBackupWriter({
        keyring: vault.keyring,
        vaultKey: vault.vaultKey,
        frames: slowly(frames),
        now: () => 42,
      }),
    );
    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey: vault.recoveryKey }]) {
      const { opened, frames: read } = await readAll(file, secret, 1000);
      expect(opened.header.createdAt).toBe(42);
      expect(opened.header.keyring).toEqual(vault.keyring);
      expect(opened.vault.vaultKey.id).toBe(vault.vaultKey.id);
      expect(toBase64(opened.vault.identity.sign.secretKey)).toBe(toBase64(vault.identity.sign.secretKey));
      expect(
        read.map((f) => [f.type, f.id, toBase64(sodium().crypto_generichash(32, f.bytes, null))]),
      ).toEqual(frames.map((f) => [f.type, f.id, toBase64(sodium().crypto_generichash(32, f.bytes, null))]));
    }
  });

  it('makes every body chunk the same size, so the file size is predictable', async () => {
    const vault = fastVault(PASSPHRASE);
    const chunkSize = 4096;
    const progress: BackupWriteProgress[] = [];
    const chunks: Uint8Array[] = [];
    for await (const chunk of createBackupWriter({
      keyring: vault.keyring,
      vaultKey: vault.vaultKey,
      frames: sampleFrames(),
      chunkSize,
      onProgress: (p) => progress.push(p),
    })) {
      chunks.push(chunk);
    }
    const [header, ...body] = chunks;
    expect(body.every((chunk) => chunk.length === chunkSize + 17)).toBe(true);
    const last = progress.at(-1);
    expect(last?.frames).toBe(5);
    expect(last?.fileBytes).toBe(chunks.reduce((sum, c) => sum + c.length, 0));
    expect((last?.fileBytes ?? 0) - (header?.length ?? 0)).toBe(
      backupBodySize(last?.plaintextBytes ?? 0, chunkSize),
    );
    // Progress only grows.
    expect(progress.map((p) => p.fileBytes)).toEqual(
      [...progress.map((p) => p.fileBytes)].sort((a, b) => a - b),
    );
  });

  it('handles an empty vault and a body that fills its last chunk exactly', async () => {
    const vault = fastVault(PASSPHRASE);
    const empty = await collect(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames: [] }),
    );
    expect((await readAll(empty, { passphrase: PASSPHRASE })).frames).toEqual([]);
    // Head of a frame with id "x": 1 + 1 + 1 + 4 = 7 bytes; 4089 + 7 = one 4096-byte chunk exactly.
    const exact: BackupFrame = { type: 'record', id: 'x', bytes: new Uint8Array(4089).fill(7) };
    const file = await collect(
      createBackupWriter({
        keyring: vault.keyring,
        vaultKey: vault.vaultKey,
        frames: [exact],
        chunkSize: 4096,
      }),
    );
    const { frames } = await readAll(file, { passphrase: PASSPHRASE }, 77);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.bytes).toEqual(exact.bytes);
  });

  it('reports reading progress up to the file size', async () => {
    const vault = fastVault(PASSPHRASE);
    const file = await collect(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames: sampleFrames() }),
    );
    const progress: BackupReadProgress[] = [];
    const opened = await openBackup(
      pieces(file),
      { passphrase: PASSPHRASE },
      {
        deriveKeys: fastDeriveKeys,
        onProgress: (p) => progress.push(p),
      },
    );
    const iterator = opened.frames();
    let result = await iterator.next();
    while (!result.done) result = await iterator.next();
    expect(result.value).toEqual({ bytesRead: file.length, frames: 5 });
    expect(progress.at(-1)?.bytesRead).toBe(file.length);
  });

  it('opens with the real Argon2id derivation by default', async () => {
    const vault = createVault(PASSPHRASE);
    const file = await collect(
      createBackupWriter({
        keyring: vault.keyring,
        vaultKey: vault.vaultKey,
        frames: [{ type: 'setting', id: 'shares', bytes: utf8('[]') }],
      }),
    );
    const opened = await openBackup(pieces(file), { passphrase: PASSPHRASE });
    const frames: string[] = [];
    for await (const frame of opened.frames()) frames.push(fromUtf8(frame.bytes));
    expect(frames).toEqual(['[]']);
  });

  it('pins the file key when randomness is injected, and draws a fresh one otherwise', async () => {
    const vault = fastVault(PASSPHRASE);
    const write = (random?: (n: number) => Uint8Array) =>
      collect(
        createBackupWriter({
          keyring: vault.keyring,
          vaultKey: vault.vaultKey,
          frames: [],
          now: () => 1,
          ...(random && { randomBytes: random }),
        }),
      );
    const a = await write();
    const b = await write();
    expect(toBase64(a)).not.toBe(toBase64(b));
    const fixed = (n: number) => new Uint8Array(n).fill(9);
    const opened = await openBackup(pieces(await write(fixed)), { recoveryKey: vault.recoveryKey });
    expect(opened.header.fileKey.by).toBe(vault.vaultKey.id);
  });

  it('refuses a vault key that is not the keyring’s', async () => {
    const vault = fastVault(PASSPHRASE);
    const other = fastVault(PASSPHRASE);
    await expect(
      collect(createBackupWriter({ keyring: vault.keyring, vaultKey: other.vaultKey, frames: [] })),
    ).rejects.toMatchObject({ reason: 'wrong-key' });
    expect(generateSalt()).toHaveLength(16);
    expect(deriveAccountKeys(new Uint8Array(32)).authKey).toHaveLength(32);
  });
});

describe('inspecting and closing a backup', () => {
  it('reads the date before the secret is asked for, and releases the source on close', async () => {
    const vault = fastVault(PASSPHRASE);
    const file = await collect(
      createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames: [], now: () => 7 }),
    );
    let released = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield* pieces(file, 10);
      } finally {
        released += 1;
      }
    }
    expect(await inspectBackup(source())).toEqual({ createdAt: 7 });
    expect(released).toBe(1);
    const opened = await openBackup(source(), { passphrase: PASSPHRASE }, { deriveKeys: fastDeriveKeys });
    await opened.close();
    expect(released).toBe(2);
    expect(() => opened.frames()).toThrow();
  });
});

describe('reading a backup twice', () => {
  it('rereads the same file without the secret, and refuses another file', async () => {
    const vault = fastVault(PASSPHRASE);
    const write = () =>
      collect(
        createBackupWriter({ keyring: vault.keyring, vaultKey: vault.vaultKey, frames: sampleFrames() }),
      );
    const file = await write();
    let derivations = 0;
    const opened = await openBackup(
      pieces(file),
      { passphrase: PASSPHRASE },
      {
        deriveKeys: (...args) => {
          derivations += 1;
          return fastDeriveKeys(...args);
        },
      },
    );
    const ids = async (frames: AsyncIterable<{ id: string }>) => {
      const out: string[] = [];
      for await (const frame of frames) out.push(frame.id);
      return out;
    };
    const first = await ids(opened.frames());
    expect(await ids(opened.reread(pieces(file, 333)))).toEqual(first);
    expect(derivations).toBe(1);
    await expect(ids(opened.reread(pieces(await write())))).rejects.toMatchObject({ reason: 'tampered' });
    await expect(ids(opened.reread(pieces(file.subarray(0, file.length - 5))))).rejects.toMatchObject({
      reason: 'truncated',
    });
  });
});
