import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { openUnlockedVault, TEST_PROFILE } from '../testing/unlocked-vault.ts';
import { DocumentService } from './document-service.ts';
import { ProfileService } from './profile-service.ts';
import { InvalidRecordError, RecordService, sealRecord } from './record-service.ts';

beforeAll(initCrypto);

let db: CarnetDatabase | undefined;

async function freshVault() {
  const opened = await openUnlockedVault('test');
  db = opened.db;
  return opened;
}

afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const me = TEST_PROFILE;

async function expectAppError(promise: Promise<unknown>, reason: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).reason).toBe(reason);
  return error as AppError;
}

describe('vault service', () => {
  it('unlocks with the passphrase, refuses a wrong one, recovers and changes passphrase', async () => {
    const { vault, session, recoveryKey } = await freshVault();
    expect((await vault.unlock('sel-poivre-moutarde-42')).vaultKey.id).toBe(session.vaultKey.id);
    await expectAppError(vault.unlock('sel-poivre-moutarde-43'), 'wrong-passphrase');

    await vault.changePassphrase(session, 'sel-poivre-moutarde-42', 'nouvelle phrase secrète 7');
    await expectAppError(vault.unlock('sel-poivre-moutarde-42'), 'wrong-passphrase');
    expect((await vault.unlock('nouvelle phrase secrète 7')).vaultKey.id).toBe(session.vaultKey.id);
    await expectAppError(
      vault.changePassphrase(session, 'not the passphrase', 'x y z w v'),
      'wrong-passphrase',
    );

    const typo = `${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('0') ? '1' : '0'}`;
    await expectAppError(vault.recover(typo, 'whatever'), 'bad-recovery-key');
    const recovered = await vault.recover(recoveryKey, 'après récupération 9');
    expect(recovered.vaultKey.id).toBe(session.vaultKey.id);
    expect((await vault.unlock('après récupération 9')).vaultKey.id).toBe(session.vaultKey.id);
  });
});

describe('profiles and records', () => {
  it('allows six profiles and refuses the seventh, writing nothing', async () => {
    const { db, session } = await freshVault();
    const profiles = new ProfileService(db, session);
    for (let i = 0; i < 6; i++) await profiles.create({ ...me, displayName: `Person ${i + 1}` });
    const error = await expectAppError(profiles.create({ ...me, displayName: 'Seventh' }), 'profile-limit');
    expect(error.meta.max).toBe(6);
    expect(await profiles.list()).toHaveLength(6);
  });

  it('stores every kind encrypted, keeps records in their profile, and deletes a profile with its records', async () => {
    const { db, session } = await freshVault();
    const profiles = new ProfileService(db, session);
    const records = new RecordService(db);
    const a = await profiles.create(me);
    const b = await profiles.create({
      ...me,
      displayName: 'Léo Martin',
      relationship: 'child',
      dateOfBirth: '2016-05-02',
    });
    for (const example of Object.values(EXAMPLE_RECORDS)) {
      // Practitioner entries only arrive signed (features/shares); the patient cannot add one.
      if (example.kind === 'practitioner-entry') {
        await expect(records.add(a, example)).rejects.toMatchObject({ reason: 'read-only' });
        await db.records.insert(sealRecord('practitioner-example', 1, a, example));
      } else await records.add(a, example);
    }
    await records.add(b, EXAMPLE_RECORDS.vaccination);

    const all = await records.list(await profiles.list());
    expect(all.filter((r) => r.profileId === a.id)).toHaveLength(Object.keys(EXAMPLE_RECORDS).length);
    expect(all.filter((r) => r.profileId === b.id)).toHaveLength(1);
    expect(all.every((r) => r.record !== null && r.problem === undefined)).toBe(true);

    const raw = JSON.stringify(await db.records.find().exec());
    expect(raw).not.toContain('Camille');
    expect(raw).not.toContain(String((EXAMPLE_RECORDS.allergy as { substance: string }).substance));

    await profiles.remove(a.id);
    const left = await records.list(await profiles.list());
    expect(left.map((r) => r.profileId)).toEqual([b.id]);
  });

  it('refuses an invalid record with readable issues and writes nothing', async () => {
    const { db, session } = await freshVault();
    const profile = await new ProfileService(db, session).create(me);
    const records = new RecordService(db);
    const error = await records
      .add(profile, { ...EXAMPLE_RECORDS.allergy, severity: 'extreme' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues[0]?.path).toBe('severity');
    expect(await db.records.count().exec()).toBe(0);
  });

  it('updates with a new rev, and shows a record under another key as a problem, not as data', async () => {
    const { db, session } = await freshVault();
    const profiles = new ProfileService(db, session);
    const records = new RecordService(db);
    const p = await profiles.create(me);
    const entry = await records.add(p, EXAMPLE_RECORDS.note);
    const updated = await records.update(p, entry.id, { ...EXAMPLE_RECORDS.note, title: 'Updated title' });
    expect(updated.rev).toBe(2);
    const [listed] = await records.list([p]);
    expect(listed?.record).toMatchObject({ title: 'Updated title' });

    const doc = await db.records.findOne(entry.id).exec();
    await doc?.incrementalPatch({ rev: 7 }); // a rolled rev no longer matches the additional data
    const [tampered] = await records.list([p]);
    expect(tampered?.record).toBeNull();
    expect(tampered?.problem).toBe('tampered');
  });
});

describe('documents', () => {
  it('round-trips a multi-chunk file byte for byte and detects a missing chunk', async () => {
    const { db, session } = await freshVault();
    const profile = await new ProfileService(db, session).create(me);
    const records = new RecordService(db);
    const documents = new DocumentService(db, records);
    const bytes = new Uint8Array(1_300_000).map((_, i) => (i * 31 + 7) & 0xff);
    const entry = await documents.add(profile, {
      fileName: 'compte-rendu.pdf',
      mediaType: 'application/pdf',
      bytes,
      title: 'Compte rendu',
      category: 'report',
      date: '2026-10-01',
    });
    expect(await db.blobs.count().exec()).toBe(3);
    const back = await documents.read(profile, entry);
    expect(back.length).toBe(bytes.length);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);

    await db.blobs.findOne(`${entry.id}_1`).remove();
    await expectAppError(documents.read(profile, entry), 'tampered');
    await records.remove(entry.id, [profile]);
    expect(await db.blobs.count().exec()).toBe(0);
  });

  it('refuses a file over 20 MB before writing anything', async () => {
    const { db, session } = await freshVault();
    const profile = await new ProfileService(db, session).create(me);
    const documents = new DocumentService(db, new RecordService(db));
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    await expectAppError(
      documents.add(profile, {
        fileName: 'x.bin',
        mediaType: '',
        bytes: big,
        title: 'x',
        category: 'other',
        date: '2026-01-01',
      }),
      'file-too-large',
    );
    expect(await db.blobs.count().exec()).toBe(0);
  });
});

describe('under concurrency', () => {
  it('never lets concurrent creations pass the six-profile limit', async () => {
    const { db, session } = await freshVault();
    const profiles = new ProfileService(db, session);
    for (let i = 0; i < 5; i++) await profiles.create({ ...me, displayName: `Person ${i + 1}` });
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => profiles.create({ ...me, displayName: `Extra ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.profiles.count().exec()).toBe(6);
  });

  it('gives concurrent profile saves distinct revs, each newer than the last', async () => {
    const { db, session } = await freshVault();
    const profiles = new ProfileService(db, session);
    const entry = await profiles.create(me);
    const [a, b] = await Promise.all([
      profiles.update(entry, { ...me, displayName: 'A' }),
      profiles.update(entry, { ...me, displayName: 'B' }),
    ]);
    expect(new Set([a.rev, b.rev])).toEqual(new Set([2, 3]));
    expect((await db.profiles.findOne(entry.id).exec())?.rev).toBe(3);
  });

  it('deleting a record removes its own chunks only, not those of an id that starts the same', async () => {
    const { db, session } = await freshVault();
    const profile = await new ProfileService(db, session).create(me);
    const records = new RecordService(db);
    const a = await records.add(profile, EXAMPLE_RECORDS.note, 'abc');
    const other = { id: 'abc_1_0', profileId: profile.id, kind: 'blob' as const, rev: 1, updatedAt: 0 };
    await db.blobs.insert({ ...other, keyId: 'k', schemaVersion: 1, nonce: 'AAAA', ciphertext: 'AAAA' });
    await db.blobs.insert({
      ...other,
      id: 'abc_0',
      keyId: 'k',
      schemaVersion: 1,
      nonce: 'AAAA',
      ciphertext: 'AAAA',
    });
    await records.remove(a.id, [profile]);
    const left = (await db.blobs.find().exec()).map((doc) => doc.id);
    expect(left).toEqual(['abc_1_0']);
  });
});
