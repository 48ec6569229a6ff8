/**
 * Closing the account and removing Carnet from this device, through the app store: real RxDB on
 * fake-indexeddb, the real sync server on 127.0.0.1. After a wipe no IndexedDB database is left and
 * no `carnet.*` key but the language; a wrong passphrase or no network leaves everything as it was.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import type { AppError } from '../core/app-error.ts';
import { MemoryStorage } from '../features/emergency/memory-storage.test-util.ts';
import { openApp, openUnlockedApp } from '../testing/unlocked-app.ts';
import { TEST_PASSPHRASE, until } from '../testing/unlocked-vault.ts';
import type { AppStore } from './app-store.ts';

let t: TestApp;
let server: RunningServer;

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** The browser storages of one device, filled as a used vault leaves them. */
function deviceStorages() {
  const local = new MemoryStorage();
  local.setItem('carnet.locale', 'fr');
  local.setItem('carnet.activeProfile', 'p1');
  local.setItem('carnet.backup.lastAt', '1700000000000');
  local.setItem('carnet.emergency.lock-screen.p1', '{"name":"Camille"}');
  local.setItem('unrelated', 'stays');
  const session = new MemoryStorage();
  session.setItem('carnet.pendingRoom', 'ABCDE12345');
  return { local, session };
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name ?? '');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  return (await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  )) as AppError;
}

/** A second device tries to sign in: resolves to true when the account exists. */
async function canSignIn(email: string): Promise<boolean> {
  const other = await openApp({ name: 'closure-other', serverUrl: server.baseUrl });
  try {
    await other.store.signInOnThisDevice(email, TEST_PASSPHRASE);
    return true;
  } catch (error) {
    expect((error as AppError).reason).toBe('wrong-passphrase');
    return false;
  } finally {
    other.store.lock();
    other.dispose();
    await other.db.remove();
  }
}

async function expectWiped(store: AppStore, local: MemoryStorage, session: MemoryStorage) {
  expect(store.status()).toBe('closed');
  expect(await databaseNames()).toEqual([]);
  const left = Array.from({ length: local.length }, (_, i) => local.key(i));
  expect(left.sort()).toEqual(['carnet.locale', 'unrelated']);
  expect(session.length).toBe(0);
}

describe('closing the account', () => {
  it('another tab of the vault locks at once and shows the same confirmation', async () => {
    const closureChannel = `closure-tabs-${Date.now()}`;
    const { local, session } = deviceStorages();
    const wipeTargets = { indexedDB, localStorage: local, sessionStorage: session };
    const here = await openUnlockedApp({ name: 'closure-tab-a', wipeTargets, closureChannel });
    // The other tab: unlocked, showing its records (in Node, its own database stands in for the shared one).
    const there = await openUnlockedApp({ name: 'closure-tab-b', wipeTargets, closureChannel });
    expect(there.store.status()).toBe('unlocked');
    expect(there.store.profiles()).toHaveLength(1);

    await here.store.removeFromThisDevice(TEST_PASSPHRASE);
    await until(() => there.store.closure()?.state === 'done');
    expect(there.store.status()).toBe('closed');
    expect(there.store.profiles()).toEqual([]);
    expect(there.store.closure()).toMatchObject({ kind: 'device', accountKept: false });
    expect(there.db.closed).toBe(true);
    await expectWiped(here.store, local, session);
    here.dispose();
    there.dispose();
  });

  it('local-only: a wrong passphrase does nothing; the right one wipes the device', async () => {
    const { local, session } = deviceStorages();
    const app = await openUnlockedApp({
      name: 'closure-local',
      wipeTargets: { indexedDB, localStorage: local, sessionStorage: session },
    });
    await app.store.addRecord(EXAMPLE_RECORDS.allergy);
    const before = await databaseNames();
    expect(before.some((name) => name.includes('closure-local'))).toBe(true);

    const wrong = await failure(app.store.closeAccount('not the passphrase at all'));
    expect(wrong.reason).toBe('wrong-passphrase');
    expect(app.store.status()).toBe('unlocked');
    expect(app.store.records()).toHaveLength(1);
    expect(await databaseNames()).toEqual(before);
    expect(local.getItem('carnet.activeProfile')).toBe('p1');

    await app.store.closeAccount(TEST_PASSPHRASE);
    expect(app.store.closure()).toMatchObject({
      kind: 'account',
      server: false,
      accountKept: false,
      state: 'done',
    });
    expect(app.store.closure()?.report?.storageKeys).toBe(4);
    await expectWiped(app.store, local, session);
    app.dispose();
  });

  it('with sync: the server deletes the account, then the device is wiped', async () => {
    const email = `close-${Date.now()}@example.org`;
    const { local, session } = deviceStorages();
    const app = await openUnlockedApp({
      name: 'closure-sync',
      serverUrl: server.baseUrl,
      wipeTargets: { indexedDB, localStorage: local, sessionStorage: session },
    });
    await app.store.addRecord(EXAMPLE_RECORDS.allergy);
    await app.store.turnOnSync(email, TEST_PASSPHRASE);
    await until(() => app.store.syncStatus()?.state === 'synced');

    await app.store.closeAccount(TEST_PASSPHRASE);
    expect(app.store.closure()).toMatchObject({ kind: 'account', server: true, state: 'done' });
    await expectWiped(app.store, local, session);
    app.dispose();
    expect(await canSignIn(email)).toBe(false);
  });

  it('offline: closing is refused and nothing is wiped; "this device only" works and keeps the account', async () => {
    const email = `device-${Date.now()}@example.org`;
    const { local, session } = deviceStorages();
    // A second listener on the same server, closed below: this device loses its network.
    const reachable = await listen(t.app);
    const app = await openUnlockedApp({
      name: 'closure-offline',
      serverUrl: reachable.baseUrl,
      wipeTargets: { indexedDB, localStorage: local, sessionStorage: session },
    });
    await app.store.turnOnSync(email, TEST_PASSPHRASE);
    await until(() => app.store.syncStatus()?.state === 'synced');
    await reachable.close();

    const offline = await failure(app.store.closeAccount(TEST_PASSPHRASE));
    expect(offline.reason).toBe('sync-offline');
    expect(app.store.status()).toBe('unlocked');
    expect((await databaseNames()).some((name) => name.includes('closure-offline'))).toBe(true);
    expect(local.getItem('carnet.activeProfile')).toBe('p1');

    await app.store.removeFromThisDevice(TEST_PASSPHRASE);
    expect(app.store.closure()).toMatchObject({
      kind: 'device',
      server: false,
      accountKept: true,
      state: 'done',
    });
    await expectWiped(app.store, local, session);
    app.dispose();
    expect(await canSignIn(email)).toBe(true);
  });
});
