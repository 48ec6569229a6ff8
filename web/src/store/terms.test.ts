/**
 * The acceptance of the terms through the app store, with real libsodium and the real server on
 * 127.0.0.1 (issue 18 item 5): kept with the vault, asked again for a new version, recorded with the
 * account so a new device of the same vault is not asked, and a forged record is not believed.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { type OpenedApp, openApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import { isTermsCurrent, loadTermsAcceptance, TERMS_VERSION } from '../vault/terms-acceptance.ts';
import type { AppStore } from './app-store.ts';

const PASSPHRASE = 'orchard-lantern-basalt-4417';
const EMAIL = `terms-${Date.now()}@example.org`;
const CONSENT = { terms: true, adult: true } as const;
let t: TestApp;
let server: RunningServer;
const disposers: (() => void)[] = [];
const databases = new Map<AppStore, CarnetDatabase>();

function kept(app: OpenedApp): OpenedApp {
  disposers.push(app.dispose);
  databases.set(app.store, app.db);
  return app;
}

/** RxDB's open core caps a process's collections: close each database once done with it. */
async function done(app: OpenedApp): Promise<void> {
  app.store.lock();
  await app.db.close();
  databases.delete(app.store);
}

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
});

afterAll(async () => {
  for (const [store, db] of databases) {
    store.lock();
    await db.close();
  }
  for (const dispose of disposers) dispose();
  await server?.close();
  await t?.close();
});

describe('terms of use', () => {
  it('are kept with the vault, sealed, and a vault without them is asked', async () => {
    const { store, db } = kept(await openApp({ name: 'terms-local' }));
    await store.createVault(PASSPHRASE);
    expect(store.termsAccepted()).toBe(false);
    expect(store.termsAcceptance()).toBeNull();
    await store.acceptTerms(CONSENT);
    expect(store.termsAccepted()).toBe(true);
    expect(store.termsAcceptance()).toMatchObject({ version: TERMS_VERSION, adult: true });

    // Sealed: the stored document names neither the version field nor the declaration.
    const stored = (await db.syncstate.findOne('terms').exec())?.sealed ?? '';
    expect(stored).not.toMatch(/acceptedAt|adult/);
    store.lock();
    expect(store.termsAccepted()).toBe(false);
    await store.unlock(PASSPHRASE);
    expect(store.termsAccepted()).toBe(true);
    await done({ store, db, dispose: () => undefined });
  });

  it('a newer version than the one accepted is asked again', () => {
    const accepted = { version: 1, acceptedAt: '2026-12-04T10:00:00.000Z', adult: true as const };
    expect(isTermsCurrent(accepted, 1)).toBe(true);
    expect(isTermsCurrent(accepted, 2)).toBe(false);
    expect(isTermsCurrent(null, 1)).toBe(false);
  });

  it('go with the account: another device of the vault is not asked; a forged record is ignored', async () => {
    const a = kept(await openApp({ name: 'terms-a', serverUrl: server.baseUrl }));
    await a.store.createVault(PASSPHRASE, CONSENT);
    expect(a.store.termsAccepted()).toBe(true);
    await a.store.turnOnSync(EMAIL, PASSPHRASE);
    await until(() => a.store.syncStatus()?.state === 'synced');
    const recorded = await a.store.server()?.account.getAccount();
    expect(recorded?.terms).toMatchObject({
      version: TERMS_VERSION,
      adult: true,
      signature: expect.any(String),
    });

    const b = kept(await openApp({ name: 'terms-b', serverUrl: server.baseUrl }));
    await b.store.signInOnThisDevice(EMAIL, PASSPHRASE);
    expect(b.store.termsAccepted()).toBe(true);
    expect(await loadTermsAcceptance(b.db, await vaultKeyOf(b))).toEqual(a.store.termsAcceptance());
    await done(b);

    // The server (or a token thief) replaces the record with one it made: a third device asks.
    const api = a.store.server()?.account;
    if (!recorded?.terms || !api) throw new Error('no record');
    await api.putTerms({ ...recorded.terms, acceptedAt: '2027-01-01T00:00:00.000Z' });
    await done(a);
    const c = kept(await openApp({ name: 'terms-c', serverUrl: server.baseUrl }));
    await c.store.signInOnThisDevice(EMAIL, PASSPHRASE);
    expect(c.store.termsAccepted()).toBe(false);
    expect(await c.store.adoptAccountTerms()).toBe(false);
    // Accepting there records a good one again, which the others can take.
    await c.store.acceptTerms(CONSENT);
    expect(c.store.termsAccepted()).toBe(true);
    const again = (await c.store.server()?.account.getAccount())?.terms;
    expect(again?.acceptedAt).not.toBe('2027-01-01T00:00:00.000Z');
  });
});

/** The vault key of an unlocked store, through its backup access (the store keeps its keys to itself). */
async function vaultKeyOf(app: OpenedApp) {
  const session = app.store.backupAccess().session;
  if (!session) throw new Error('locked');
  return session.vaultKey;
}
