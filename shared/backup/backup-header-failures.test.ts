/**
 * Opening a `.carnet` file that fails before its body: not a backup, a cut or damaged header, a newer
 * version, a wrong secret. Each case damages a copy of one small multi-chunk backup.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/encoding.ts';
import { encodeKdfParams } from '../crypto/kdf-params.ts';
import { initCrypto } from '../crypto/sodium.ts';
import { BACKUP_PREFIX_BYTES } from './backup-format.ts';
import { openBackup } from './backup-reader.ts';
import {
  expectFailure,
  flip,
  PASSPHRASE,
  readAll,
  rewriteHeader,
  type SampleBackup,
  sampleBackup,
} from './damaged-files.ts';
import { expectBackupError, fastDeriveKeys, fastVault, pieces, randomData } from './testing.ts';

beforeAll(initCrypto);

let s: SampleBackup;
beforeAll(async () => {
  s = await sampleBackup();
});

describe('a backup whose header or secret does not open', () => {
  it('the sample s.file has several chunks and opens', async () => {
    expect(s.chunkCount).toBeGreaterThanOrEqual(5);
    expect(Number.isInteger(s.chunkCount)).toBe(true);
    expect(await readAll(s.file)).toHaveLength(3);
  });

  it('wrong-secret: a wrong or empty passphrase', async () => {
    const wrong = await expectFailure(s.file, 'wrong-secret', { passphrase: 'glacier-thimble-orchard-92' });
    expect(wrong.meta.secret).toBe('passphrase');
    await expectFailure(s.file, 'wrong-secret', { passphrase: '' });
  });

  it('wrong-secret: another vault’s recovery key, or one with a typo', async () => {
    const other = fastVault(PASSPHRASE);
    expect(
      (await expectFailure(s.file, 'wrong-secret', { recoveryKey: other.recoveryKey })).meta.secret,
    ).toBe('recovery-key');
    const last = s.vault.recoveryKey.at(-1) === 'A' ? 'B' : 'A';
    const typo = await expectFailure(s.file, 'wrong-secret', {
      recoveryKey: `${s.vault.recoveryKey.slice(0, -1)}${last}`,
    });
    expect(typo.meta.problem).toBe('checksum');
  });

  it('not-a-backup: an empty s.file, random bytes, a JSON s.file, an image', async () => {
    await expectFailure(new Uint8Array(0), 'not-a-backup');
    await expectFailure(
      randomData(5000).map((b, i) => (i === 0 ? b & 0x7f : b)),
      'not-a-backup',
    );
    await expectFailure(utf8(JSON.stringify({ keyring: s.vault.keyring, frames: [] })), 'not-a-backup');
    await expectFailure(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'not-a-backup',
    );
    await expectFailure(flip(s.file, 1), 'not-a-backup');
  });

  it('truncated: cut inside the magic, the prefix, the header JSON, or right after the header', async () => {
    for (const at of [3, 9, 12, BACKUP_PREFIX_BYTES + 5, s.headerLength - 1, s.headerLength]) {
      await expectFailure(s.file.subarray(0, at), 'truncated');
    }
  });

  it('corrupt-header: a flipped byte in the header JSON, its length or its checksum', async () => {
    await expectFailure(flip(s.file, BACKUP_PREFIX_BYTES + 20), 'corrupt-header');
    await expectFailure(flip(s.file, s.headerLength - 20), 'corrupt-header');
    await expectFailure(flip(s.file, s.headerLength - 1), 'corrupt-header');
    await expectFailure(flip(s.file, 13), 'corrupt-header');
    const zeroLength = s.file.slice();
    zeroLength.set([0, 0, 0, 0], 10);
    await expectFailure(zeroLength, 'corrupt-header');
    const hugeLength = s.file.slice();
    hugeLength.set([0, 0x10, 0, 0], 10);
    await expectFailure(hugeLength, 'corrupt-header');
  });

  it('corrupt-header: a rewritten header that weakens the KDF or breaks the schema', async () => {
    const weak = rewriteHeader(s.file, (h) => ({
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
      rewriteHeader(s.file, (h) => ({ ...h, extra: 1 })),
      'corrupt-header',
    );
    await expectFailure(
      rewriteHeader(s.file, (h) => ({ ...h, chunkSize: 1 << 30 })),
      'corrupt-header',
    );
  });

  it('newer-version: a newer s.file format, or a newer keyring inside', async () => {
    const newer = s.file.slice();
    newer.set([0, 2], 8);
    expect((await expectFailure(newer, 'newer-version')).meta.version).toBe(2);
    await expectFailure(
      rewriteHeader(s.file, (h) => ({ ...h, keyring: { ...h.keyring, v: 2 } })),
      'newer-version',
    );
  });

  it('a wrong secret is known before any frame is read', async () => {
    await expectBackupError(
      openBackup(pieces(s.file), { passphrase: 'nope nope nope' }, { deriveKeys: fastDeriveKeys }),
      'wrong-secret',
    );
  });
});
