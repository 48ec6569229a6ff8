/**
 * The recovery key through the app store, with real libsodium and the real server on 127.0.0.1:
 * an unconfirmed key is asked for again after an unlock, and a new key (made with the passphrase)
 * replaces the old one here and on the server, so the old one opens nothing anywhere.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { type OpenedApp, openApp, openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import type { AppStore } from './app-store.ts';

const PASSPHRASE = 'lantern-meadow-copper-7731';
const EMAIL = `recovery-${Date.now()}@example.org`;
let t: TestApp;
let server: RunningServer;
const disposers: (() => void)[] = [];
const databases = new Map<AppStore, CarnetDatabase>();

function kept(app: OpenedApp): AppStore {
  disposers.push(app.dispose);
  databases.set(app.store, app.db);
  return app.store;
}

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
});

/**
 * Unlocking starts reads of sealed state (notices, the message outbox) that nothing awaits; RxDB
 * rejects a read still in flight when its database closes, outside any promise the app holds. A
 * moment after the lock lets them finish before the database closes.
 */
async function lockAndClose(store: AppStore, db: { close(): Promise<unknown> } | undefined): Promise<void> {
  store.lock();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await db?.close();
}

afterAll(async () => {
  for (const [store, db] of databases) await lockAndClose(store, db);
  for (const dispose of disposers) dispose();
  await server?.close();
  await t?.close();
});

describe('recovery key', () => {
  it('keeps asking until confirmed, and a new key replaces the old one here and on the server', async () => {
    const opened = await openUnlockedApp({ name: 'rk-a', serverUrl: server.baseUrl, passphrase: PASSPHRASE });
    const a = kept(opened);
    const first = opened.recoveryKey;

    // Not confirmed: the key is still there to show after a lock and an unlock.
    expect(a.recovery()).toMatchObject({ confirmed: false });
    expect(a.recovery()?.madeAt).toEqual(expect.any(String));
    expect(a.recoveryPrompt()).toBe(first);
    a.lock();
    expect(a.recoveryPrompt()).toBeNull();
    await a.unlock(PASSPHRASE);
    expect(a.recoveryPrompt()).toBe(first);

    await a.confirmRecoveryKey();
    expect(a.recovery()?.confirmed).toBe(true);
    expect(a.recoveryPrompt()).toBeNull();
    a.lock();
    await a.unlock(PASSPHRASE);
    expect(a.recovery()?.confirmed).toBe(true);
    expect(a.recoveryPrompt()).toBeNull();

    await a.turnOnSync(EMAIL, PASSPHRASE);
    await until(() => a.syncStatus()?.state === 'synced');

    // A new key needs the passphrase; then the old key stops working, the new one is to confirm.
    expect(await reason(a.newRecoveryKey('not the passphrase'))).toBe('wrong-passphrase');
    const second = await a.newRecoveryKey(PASSPHRASE);
    expect(second).not.toBe(first);
    expect(a.recovery()).toMatchObject({ confirmed: false });
    expect(a.recoveryPrompt()).toBe(second);
    expect(await reason(a.recover(first, 'a new passphrase for me 4'))).toBe('bad-recovery-key');
    expect(a.syncStatus()?.error).toBeUndefined();
    await lockAndClose(a, databases.get(a));

    // Another device gets the keyring from the server: the old key opens nothing there either.
    const b = kept(await openApp({ name: 'rk-b', serverUrl: server.baseUrl }));
    await b.signInOnThisDevice(EMAIL, PASSPHRASE);
    expect(await reason(b.recover(first, 'a new passphrase for me 4'))).toBe('bad-recovery-key');
    await b.recover(second, 'a new passphrase for me 4');
    expect(b.status()).toBe('unlocked');
    // Recovering proves the key is kept.
    expect(b.recovery()?.confirmed).toBe(true);
  });
});
