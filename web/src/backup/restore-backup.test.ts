import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isBackupError } from '../../../shared/backup/backup-error.ts';
import { pieces } from '../../../shared/backup/testing.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { type CarnetDatabase, openDatabase } from '../db/database.ts';
import { DocumentService } from '../records/document-service.ts';
import { ProfileService } from '../records/profile-service.ts';
import { RecordService } from '../records/record-service.ts';
import { isConflictCopy } from '../sync/conflict-copy.ts';
import {
  nextDatabaseName,
  openUnlockedVault,
  TEST_PASSPHRASE,
  TEST_PROFILE,
  type UnlockedVault,
} from '../testing/unlocked-vault.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { backupFile, dumpDatabase } from './backup-testing.ts';
import { prepareRestore } from './restore-backup.ts';

beforeAll(initCrypto);

const opened: CarnetDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
});

async function vaultWithData(): Promise<UnlockedVault & { document: Uint8Array; deletedId: string }> {
  const vault = await openUnlockedVault('backup');
  opened.push(vault.db);
  const profiles = new ProfileService(vault.db, vault.session);
  const records = new RecordService(vault.db);
  const a = await profiles.create(TEST_PROFILE);
  const b = await profiles.create({ ...TEST_PROFILE, displayName: 'Léo Martin', relationship: 'child' });
  await records.add(a, EXAMPLE_RECORDS.allergy);
  await records.add(b, EXAMPLE_RECORDS.vaccination);
  const gone = await records.add(a, EXAMPLE_RECORDS.note);
  await records.remove(gone.id, [a, b]);
  const document = new Uint8Array(1_200_000).map((_, i) => (i * 31) % 251);
  await new DocumentService(vault.db, records).add(a, {
    fileName: 'scan.bin',
    mediaType: 'application/octet-stream',
    bytes: document,
    title: 'Scan',
    category: 'other',
    date: '2024-01-02',
  });
  return { ...vault, document, deletedId: gone.id };
}

async function freshDatabase(): Promise<CarnetDatabase> {
  const db = await openDatabase(nextDatabaseName('restore'));
  opened.push(db);
  return db;
}

// Real Argon2id and megabytes through fake-indexeddb: slow on a shared 2-core machine.
describe('backup and restore against RxDB', { timeout: 120_000 }, () => {
  it('restores every envelope, tombstones included, on a fresh device, with the passphrase or the recovery key', async () => {
    const source = await vaultWithData();
    const file = await backupFile(source.db, source.session);
    const expected = await dumpDatabase(source.db, false);
    for (const secret of [{ passphrase: TEST_PASSPHRASE }, { recoveryKey: source.recoveryKey }]) {
      const db = await freshDatabase();
      const prepared = await prepareRestore(() => pieces(file, 10_000), secret, {
        db,
        kdf: inlineKdfRunner,
        session: null,
      });
      expect(prepared.contents).toEqual({ profiles: 2, records: 3, chunks: 3 });
      expect(prepared.plan.counts.add).toBe(2 + 4 + 3);
      // Nothing is written before apply.
      expect(await db.vault.count().exec()).toBe(0);
      await prepared.apply();
      expect(await dumpDatabase(db, false)).toBe(expected);
      const profiles = await new ProfileService(db, prepared.session).list();
      const records = new RecordService(db);
      const list = await records.list(profiles);
      const doc = list.find((r) => r.record?.kind === 'document');
      const owner = profiles.find((p) => p.id === doc?.profileId);
      if (!doc || !owner) throw new Error('document missing');
      const bytes = await new DocumentService(db, records).read(owner, doc);
      expect(bytes).toEqual(source.document);
      // RxDB's free storage counts open collections: one restored database at a time.
      opened.splice(opened.indexOf(db), 1);
      await db.remove();
    }
  });

  it('leaves the vault byte-identical for every bad file', async () => {
    const source = await vaultWithData();
    const file = await backupFile(source.db, source.session);
    const before = await dumpDatabase(source.db);
    const flipped = file.slice();
    flipped[file.length - 100] = (flipped[file.length - 100] ?? 0) ^ 1;
    const newer = file.slice();
    newer[9] = 9;
    const random = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    const cases: [string, Uint8Array, { passphrase: string }, string][] = [
      ['wrong passphrase', file, { passphrase: 'not-the-passphrase-1' }, 'wrong-secret'],
      ['truncated', file.subarray(0, file.length - 3000), { passphrase: TEST_PASSPHRASE }, 'truncated'],
      ['a flipped byte', flipped, { passphrase: TEST_PASSPHRASE }, 'tampered'],
      ['a newer version', newer, { passphrase: TEST_PASSPHRASE }, 'newer-version'],
      ['not a backup', random, { passphrase: TEST_PASSPHRASE }, 'not-a-backup'],
    ];
    for (const [name, bytes, secret, reason] of cases) {
      const error = await prepareRestore(() => pieces(bytes), secret, {
        db: source.db,
        kdf: inlineKdfRunner,
        session: source.session,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isBackupError(error) ? error.reason : String(error), name).toBe(reason);
      expect(await dumpDatabase(source.db), name).toBe(before);
    }
  });

  it('merges into the open vault: newer kept, including a deletion made after the backup (a sealed tombstone is a newer rev)', async () => {
    const source = await vaultWithData();
    const file = await backupFile(source.db, source.session);
    const profiles = await new ProfileService(source.db, source.session).list();
    const records = new RecordService(source.db);
    const [allergy] = (await records.list(profiles)).filter((r) => r.record?.kind === 'allergy');
    const owner = profiles.find((p) => p.id === allergy?.profileId);
    if (!allergy || !owner) throw new Error('allergy missing');
    await records.update(owner, allergy.id, { ...EXAMPLE_RECORDS.allergy, note: 'edited after the backup' });
    const vaccination = (await records.list(profiles)).find((r) => r.record?.kind === 'vaccination');
    if (!vaccination) throw new Error('vaccination missing');
    await records.remove(vaccination.id, profiles);

    const prepared = await prepareRestore(
      () => pieces(file),
      { passphrase: TEST_PASSPHRASE },
      { db: source.db, kdf: inlineKdfRunner, session: source.session },
    );
    expect(prepared.sameVault).toBe(true);
    expect(prepared.plan.counts).toMatchObject({ keep: 2, 'conflict-copy': 0, add: 0 });
    await prepared.apply();
    const after = await records.list(profiles);
    const edited = after.find((r) => r.id === allergy.id);
    expect(edited?.record).toMatchObject({ note: 'edited after the backup' });
    expect(after.filter((r) => isConflictCopy(r.id))).toHaveLength(0);
    expect(after.some((r) => r.id === vaccination.id)).toBe(false);
    // Restoring the same file again changes nothing more.
    const again = await prepareRestore(
      () => pieces(file),
      { recoveryKey: source.recoveryKey },
      { db: source.db, kdf: inlineKdfRunner, session: source.session },
    );
    const dump = await dumpDatabase(source.db);
    await again.apply();
    expect(await dumpDatabase(source.db)).toBe(dump);
  });

  it('merges a backup of another vault: its profiles sealed again under the open vault key', async () => {
    const source = await vaultWithData();
    const file = await backupFile(source.db, source.session);
    const other = await openUnlockedVault('other');
    opened.push(other.db);
    await new ProfileService(other.db, other.session).create({ ...TEST_PROFILE, displayName: 'Other' });
    const prepared = await prepareRestore(
      () => pieces(file),
      { passphrase: TEST_PASSPHRASE },
      { db: other.db, kdf: inlineKdfRunner, session: other.session },
    );
    expect(prepared.sameVault).toBe(false);
    expect(prepared.plan.profilesAfter).toBe(3);
    await prepared.apply();
    const profiles = await new ProfileService(other.db, other.session).list();
    expect(profiles.map((p) => p.profile.displayName).sort()).toEqual([
      'Camille Martin',
      'Léo Martin',
      'Other',
    ]);
    const list = await new RecordService(other.db).list(profiles);
    expect(list.filter((r) => r.record !== null)).toHaveLength(3);
    expect(list.every((r) => r.problem === undefined)).toBe(true);
  });

  it('refuses to apply past the profile limit, writing nothing', async () => {
    const source = await vaultWithData();
    const file = await backupFile(source.db, source.session);
    const other = await openUnlockedVault('full');
    opened.push(other.db);
    const service = new ProfileService(other.db, other.session);
    for (let i = 0; i < 5; i++) await service.create({ ...TEST_PROFILE, displayName: `P${i}` });
    const before = await dumpDatabase(other.db);
    const prepared = await prepareRestore(
      () => pieces(file),
      { passphrase: TEST_PASSPHRASE },
      { db: other.db, kdf: inlineKdfRunner, session: other.session },
    );
    expect(prepared.plan.profileLimitExceeded).toBe(true);
    await expect(prepared.apply()).rejects.toMatchObject({ reason: 'profile-limit' });
    expect(await dumpDatabase(other.db)).toBe(before);
  });
});
