import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aeadEncrypt } from '../../../shared/crypto/aead.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { AppError } from '../core/app-error.ts';
import type { Now } from '../core/clock.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { ProfileService } from '../records/profile-service.ts';
import { type OpenedApp, openApp, openUnlockedApp } from '../testing/unlocked-app.ts';
import { TEST_PASSPHRASE, TEST_PROFILE, until } from '../testing/unlocked-vault.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import type { Session } from '../vault/vault-service.ts';

/** The sessions the store hands to the real wipe on lock: the store no longer exposes its keys. */
const wiped = vi.hoisted(() => [] as unknown[]);
vi.mock('../vault/wipe-session.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../vault/wipe-session.ts')>();
  return {
    wipeSession: (...args: Parameters<typeof real.wipeSession>) => {
      wiped.push(args[0]);
      real.wipeSession(...args);
    },
  };
});

beforeAll(initCrypto);

const PASSPHRASE = TEST_PASSPHRASE;
const me = TEST_PROFILE;

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;

/** Keeps what afterEach cleans up. */
function opened<T extends OpenedApp>(app: T): T {
  ({ db, dispose } = app);
  return app;
}

const freshStore = async (now?: Now) => opened(await openApp({ name: 'store', ...(now ? { now } : {}) }));
const unlockedStore = async () => opened(await openUnlockedApp({ name: 'store' }));

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
  it('zeroes the key bytes of the ended session on lock; sealing with a wiped key is refused', async () => {
    const { store } = await unlockedStore();
    await until(() => store.profiles().length === 1);
    const profileKey = store.profiles()[0]?.key;
    expect(profileKey?.bytes.some((b) => b !== 0)).toBe(true);
    wiped.length = 0;
    store.lock();
    const session = wiped[0] as Session | undefined;
    expect(session && profileKey).toBeTruthy();
    if (!session || !profileKey) return;
    for (const bytes of [
      session.vaultKey.bytes,
      session.identity.box.secretKey,
      session.identity.sign.secretKey,
      profileKey.bytes,
    ]) {
      expect(bytes.every((b) => b === 0)).toBe(true);
    }
    expect(() => aeadEncrypt(profileKey, new Uint8Array([1]), new Uint8Array())).toThrow(/wiped/);
  });

  it('drops every decrypted thing on lock, even after a second opening (recover while unlocked)', async () => {
    const { store, db, recoveryKey } = await unlockedStore();
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
    const { store } = await unlockedStore();
    store.lock();
    expect(await reason(store.addRecord(EXAMPLE_RECORDS.note))).toBe('locked');
    expect(await reason(store.deleteRecord('anything'))).toBe('locked');
  });

  it('shows a record whose ciphertext changed under the same rev and nonce as tampered', async () => {
    const { store, db } = await unlockedStore();
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
    const { store } = await unlockedStore();
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
