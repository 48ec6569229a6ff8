/**
 * The app store's sync wiring end to end in Node: two devices (two stores on fake-indexeddb) and
 * the real server on 127.0.0.1. A turns sync on, B signs in with the same email and passphrase.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { type OpenedApp, openApp, openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import type { AppStore } from './app-store.ts';

const PASSPHRASE = 'lantern-meadow-copper-7731';
const NEW_PASSPHRASE = 'harbour-violet-pepper-5820';
const EMAIL = `camille-${Date.now()}@example.org`;
let t: TestApp;
let server: RunningServer;
const disposers: (() => void)[] = [];
const databases = new Map<AppStore, CarnetDatabase>();

/** Keeps a device for `leave` and the cleanup. */
function kept(app: OpenedApp): AppStore {
  disposers.push(app.dispose);
  databases.set(app.store, app.db);
  return app.store;
}

const device = async (name: string) => kept(await openApp({ name, serverUrl: server.baseUrl }));

/** RxDB's open core allows ~13 collections per JavaScript context: a device leaves before another comes. */
async function leave(store: AppStore): Promise<void> {
  store.lock();
  await databases.get(store)?.close();
}

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
});

afterAll(async () => {
  for (const dispose of disposers) dispose();
  await server?.close();
  await t?.close();
});

describe('sync through the app store', () => {
  it('turns sync on, signs in on a second device, and carries edits both ways live', async () => {
    const a = kept(
      await openUnlockedApp({ name: 'store-a', serverUrl: server.baseUrl, passphrase: PASSPHRASE }),
    );
    await a.addRecord(EXAMPLE_RECORDS.allergy);

    const wrong = await a.turnOnSync(EMAIL, 'not the passphrase').catch((e: unknown) => e);
    expect((wrong as AppError).reason).toBe('wrong-passphrase');
    expect(a.syncStatus()).toBeNull();
    await a.turnOnSync(EMAIL, PASSPHRASE);
    expect(a.syncEmail()).toBe(EMAIL);
    await until(() => a.syncStatus()?.state === 'synced');

    const b = await device('store-b');
    expect(b.status()).toBe('no-vault');
    const refused = await b.signInOnThisDevice(EMAIL, 'wrong one entirely').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).reason).toBe('wrong-passphrase');
    await b.signInOnThisDevice(EMAIL, PASSPHRASE);
    expect(b.status()).toBe('unlocked');
    await until(() => b.profiles().length === 1 && b.records().some((r) => r.record?.kind === 'allergy'));

    // Live, both ways.
    await a.addRecord({ ...EXAMPLE_RECORDS.note, title: 'From A' });
    await until(() => b.records().some((r) => r.record?.kind === 'note' && r.record.title === 'From A'));
    await b.addRecord({ ...EXAMPLE_RECORDS.note, title: 'From B' });
    await until(() => a.records().some((r) => r.record?.kind === 'note' && r.record.title === 'From B'));

    // Lock stops syncing; unlock resumes it from the stored, encrypted credentials.
    b.lock();
    expect(b.syncStatus()).toBeNull();
    await a.addRecord({ ...EXAMPLE_RECORDS.note, title: 'While B was locked' });
    await b.unlock(PASSPHRASE);
    await until(() =>
      b.records().some((r) => r.record?.kind === 'note' && r.record.title === 'While B was locked'),
    );

    // A changes the passphrase: the server gets the new keyring, a new device needs the new one,
    // and B (signed out by the server) signs in again, which also updates its local keyring.
    await a.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
    await leave(a);
    const c = await device('store-c');
    const old = await c.signInOnThisDevice(EMAIL, PASSPHRASE).catch((e: unknown) => e);
    expect((old as AppError).reason).toBe('wrong-passphrase');
    await c.signInOnThisDevice(EMAIL, NEW_PASSPHRASE);
    await until(() => c.records().some((r) => r.record?.kind === 'note' && r.record.title === 'From B'));
    await b.addRecord({ ...EXAMPLE_RECORDS.note, title: 'Before signing in again' });
    // B is told why it was signed out (the server remembers why its session ended).
    await until(() => b.syncStatus()?.error === 'signed-out-keyring-changed');
    await b.signInAgain(NEW_PASSPHRASE);
    await until(() =>
      c.records().some((r) => r.record?.kind === 'note' && r.record.title === 'Before signing in again'),
    );
    b.lock();
    await b.unlock(NEW_PASSPHRASE);
    expect(b.status()).toBe('unlocked');

    // The server's storage figures.
    const storage = await b.syncStorage();
    expect(storage?.used).toBeGreaterThan(0);
    expect(storage?.limit).toBeGreaterThan(storage?.used ?? 0);

    // "Sign out everywhere else" takes the passphrase; C is told why it was signed out.
    const typo = await b.signOutOthers('not the passphrase').catch((e: unknown) => e);
    expect((typo as AppError).reason).toBe('wrong-passphrase');
    await b.signOutOthers(NEW_PASSPHRASE);
    await c.addRecord({ ...EXAMPLE_RECORDS.note, title: 'After the sign-out' });
    await until(() => c.syncStatus()?.error === 'signed-out-elsewhere');
    expect(b.syncStatus()?.error).toBeUndefined();

    // Turning sync off keeps the local record.
    await c.turnOffSync();
    expect(c.syncStatus()).toBeNull();
    expect(c.records().length).toBeGreaterThanOrEqual(4);

    // Deleting the account takes the passphrase too; sync stops, the records stay.
    await b.deleteAccount(NEW_PASSPHRASE);
    expect(b.syncStatus()).toBeNull();
    expect(b.records().length).toBeGreaterThanOrEqual(4);
    const gone = await b.signInAgain(NEW_PASSPHRASE).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(AppError);
    await leave(b);
    await leave(c);
  });

  it('after a recovery with sync on, keeps syncing and says the server still has the old passphrase', async () => {
    const email = `recover-${Date.now()}@example.org`;
    const opened = await openUnlockedApp({
      name: 'store-r',
      serverUrl: server.baseUrl,
      passphrase: PASSPHRASE,
    });
    const r = kept(opened);
    await r.turnOnSync(email, PASSPHRASE);
    await until(() => r.syncStatus()?.state === 'synced');
    r.lock();
    await r.recover(opened.recoveryKey, NEW_PASSPHRASE);
    expect(r.syncKeyringBehind()).toBe(true);
    await until(() => r.profiles().length === 1);
    await until(() => r.syncStatus()?.state === 'synced');
    // The server was not changed: the old passphrase still signs in elsewhere, the new one does not.
    await leave(r);
    const other = await device('store-r2');
    const refused = await other.signInOnThisDevice(email, NEW_PASSPHRASE).catch((e: unknown) => e);
    expect((refused as AppError).reason).toBe('wrong-passphrase');
    await other.signInOnThisDevice(email, PASSPHRASE);
    expect(other.status()).toBe('unlocked');
  });
});
