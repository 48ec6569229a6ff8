import 'fake-indexeddb/auto';
import { createRoot } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { Profile } from '../../../shared/schema/profile.ts';
import { AppError } from '../core/app-error.ts';
import { type CarnetDatabase, openDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { ProfileService } from '../records/profile-service.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { type AppStore, createAppStore } from './app-store.ts';

beforeAll(initCrypto);

const PASSPHRASE = 'sel-poivre-moutarde-42';
const me: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-03-12',
  sex: 'female',
  locale: 'fr',
};

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;
let counter = 0;

async function freshStore(now?: () => number): Promise<{ store: AppStore; db: CarnetDatabase }> {
  db = await openDatabase(`store-${Date.now()}-${counter++}`);
  const opened = db;
  const store = createRoot((d) => {
    dispose = d;
    return createAppStore({ db: opened, kdf: inlineKdfRunner, ...(now ? { now } : {}) });
  });
  await until(() => store.status() !== 'loading');
  return { store, db: opened };
}

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(predicate()).toBe(true);
}

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

afterEach(async () => {
  dispose?.();
  await db?.remove();
  db = undefined;
});

describe('app store', () => {
  it('drops every decrypted thing on lock, even after a second opening (recover while unlocked)', async () => {
    const { store, db } = await freshStore();
    const recoveryKey = await store.createVault(PASSPHRASE);
    await store.createProfile(me);
    await store.recover(recoveryKey, 'une autre phrase de passe 9');
    await until(() => store.profiles().length === 1);
    store.lock();
    // Another writer (a second tab) adds a profile after the lock.
    const session = await (await import('../vault/vault-service.ts')).VaultService.prototype.unlock.call(
      new (await import('../vault/vault-service.ts')).VaultService({ db, kdf: inlineKdfRunner }),
      'une autre phrase de passe 9',
    );
    await new ProfileService(db, session).create({ ...me, displayName: 'Léo Martin' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.status()).toBe('locked');
    expect(store.profiles()).toEqual([]);
    expect(store.records()).toEqual([]);
  });

  it('a lock during an unlock wins: the unlock is refused with `locked`', async () => {
    const { store } = await freshStore();
    await store.createVault(PASSPHRASE);
    store.lock();
    const opening = store.unlock(PASSPHRASE);
    store.lock();
    expect(await reason(opening)).toBe('locked');
    expect(store.status()).toBe('locked');
  });

  it('refuses writes while locked with `locked`, as a rejected promise', async () => {
    const { store } = await freshStore();
    await store.createVault(PASSPHRASE);
    await store.createProfile(me);
    store.lock();
    expect(await reason(store.addRecord(EXAMPLE_RECORDS.note))).toBe('locked');
    expect(await reason(store.deleteRecord('anything'))).toBe('locked');
  });

  it('shows a record whose ciphertext changed under the same rev and nonce as tampered', async () => {
    const { store, db } = await freshStore();
    await store.createVault(PASSPHRASE);
    await store.createProfile(me);
    const entry = await store.addRecord(EXAMPLE_RECORDS.note);
    await until(() => store.records().some((r) => r.id === entry.id && r.record !== null));
    const doc = await db.records.findOne(entry.id).exec();
    const envelope = doc?.toJSON() as StoredEnvelope;
    const flipped = `${envelope.ciphertext.slice(0, 10)}${envelope.ciphertext[10] === 'A' ? 'B' : 'A'}${envelope.ciphertext.slice(11)}`;
    await doc?.incrementalPatch({ ciphertext: flipped });
    await until(() => store.records().find((r) => r.id === entry.id)?.problem === 'tampered');
    expect(store.records().find((r) => r.id === entry.id)?.record).toBeNull();
  });

  it('refuses to save over an entry that changed since the form opened', async () => {
    const { store } = await freshStore();
    await store.createVault(PASSPHRASE);
    await store.createProfile(me);
    const entry = await store.addRecord(EXAMPLE_RECORDS.note);
    await store.updateRecord(entry.id, { ...EXAMPLE_RECORDS.note, title: 'Elsewhere' }, 1);
    expect(
      await reason(store.updateRecord(entry.id, { ...EXAMPLE_RECORDS.note, title: 'Stale form' }, 1)),
    ).toBe('conflict');
    await until(() => store.records().find((r) => r.id === entry.id)?.rev === 2);
    expect(store.records().find((r) => r.id === entry.id)?.record).toMatchObject({ title: 'Elsewhere' });
  });

  it('locks by the wall clock when the idle time has passed (timers stop while a device sleeps)', async () => {
    let clock = 1_000_000;
    const { store } = await freshStore(() => clock);
    await store.createVault(PASSPHRASE);
    await store.setAutoLockMinutes(5);
    clock += 4 * 60_000;
    store.checkIdle();
    expect(store.status()).toBe('unlocked');
    clock += 2 * 60_000;
    store.checkIdle();
    expect(store.status()).toBe('locked');
  });
});
