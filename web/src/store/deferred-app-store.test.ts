import 'fake-indexeddb/auto';
import { createEffect, createRoot } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { nextDatabaseName, TEST_PASSPHRASE, until } from '../testing/unlocked-vault.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import type { AppStore } from './app-store.ts';
import { createAppStore } from './app-store.ts';
import { createDeferredAppStore } from './deferred-app-store.ts';
import { createVaultHint } from './vault-hint.ts';

beforeAll(initCrypto);

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  await db?.remove();
  db = undefined;
  dispose = undefined;
});

describe('deferred app store', () => {
  it('shows the remembered status without opening, then opens on the first action and runs it there', async () => {
    const storage = memoryStorage({ 'carnet.vaultHint': 'no-vault' });
    let opened = 0;
    // As main.tsx does: the store is handed over at once, still reading the vault's metadata.
    const { store, ready } = createDeferredAppStore(async () => {
      opened++;
      const opening = await openDatabase(nextDatabaseName('deferred'));
      db = opening;
      return createRoot((done) => {
        dispose = done;
        return createAppStore({ db: opening, kdf: inlineKdfRunner });
      });
    }, createVaultHint({ storage }));

    expect(store.status()).toBe('no-vault');
    expect(store.profiles()).toEqual([]);
    expect(store.sharing()).toBeNull();
    // The unlock screen's early request and user activity open nothing by themselves.
    store.prepareUnlock();
    store.touch();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toBe(0);
    expect(ready()).toBeUndefined();
    expect(() => store.backupAccess()).toThrow(AppError);

    // What the home page switches on: never back to 'loading' (that would unmount a form in use).
    const seen: string[] = [];
    const stopWatching = createRoot((done) => {
      createEffect(() => seen.push(store.status()));
      return done;
    });
    const recoveryKey = await store.createVault(TEST_PASSPHRASE);
    stopWatching();
    expect(seen).not.toContain('loading');
    expect(seen.at(-1)).toBe('unlocked');
    expect(opened).toBe(1);
    expect(recoveryKey.length).toBeGreaterThan(20);
    expect(store.status()).toBe('unlocked');
    expect(store.backupAccess().session).not.toBeNull();
    // Next load paints the unlock screen first.
    expect(storage.items.get('carnet.vaultHint')).toBe('locked');
    store.lock();
    expect(store.status()).toBe('locked');
    expect(opened).toBe(1);
  });

  it('opens at once when nothing is known, and shows an error (never the welcome screen) if that fails', async () => {
    let opened = 0;
    const { store } = createDeferredAppStore(
      async () => {
        opened++;
        throw new Error('IndexedDB is unavailable');
      },
      createVaultHint({ storage: memoryStorage() }),
    );
    expect(store.status()).toBe('loading');
    expect(opened).toBe(1);
    await until(() => store.status() !== 'loading');
    expect(store.status()).toBe('error');
    await expect(store.unlock(TEST_PASSPHRASE)).rejects.toThrow('IndexedDB is unavailable');
    expect(opened).toBe(1);
  });

  it('a browser with no Carnet database shows the welcome screen without opening one', async () => {
    let opened = 0;
    const open = async (): Promise<AppStore> => {
      opened++;
      return new Promise<AppStore>(() => undefined);
    };
    const none = createDeferredAppStore(
      open,
      createVaultHint({ storage: null, databases: async () => [{ name: 'other-app' }] }),
    );
    expect(none.store.status()).toBe('loading');
    await until(() => none.store.status() !== 'loading');
    expect(none.store.status()).toBe('no-vault');
    expect(opened).toBe(0);

    // A database is there: what it holds is found out by opening it.
    const some = createDeferredAppStore(
      open,
      createVaultHint({ storage: null, databases: async () => [{ name: 'rxdb-dexie-carnet--0--vault' }] }),
    );
    await until(() => opened === 1);
    expect(some.store.status()).toBe('loading');
  });

  it('a closure another tab posts before the store opens is shown, and the database is never opened', async () => {
    let opened = 0;
    const { store, start, hear, ready } = createDeferredAppStore(
      async () => {
        opened++;
        return new Promise<AppStore>(() => undefined);
      },
      createVaultHint({ storage: memoryStorage({ 'carnet.vaultHint': 'locked' }) }),
    );
    expect(store.status()).toBe('locked');
    // Not a closure: nothing changes.
    hear({ kind: 'account', state: 'gone' });
    hear('closed');
    expect(store.status()).toBe('locked');
    expect(store.closure()).toBeNull();

    hear({ kind: 'account', server: true, accountKept: false, state: 'wiping' });
    expect(store.status()).toBe('closed');
    expect(store.closure()).toEqual({ kind: 'account', server: true, accountKept: false, state: 'wiping' });
    hear({ kind: 'account', server: true, accountKept: false, state: 'done', report: { extra: 1 } });
    expect(store.closure()).toEqual({ kind: 'account', server: true, accountKept: false, state: 'done' });

    // A tap on the closure page or an action would open (so create) a database: neither does.
    start();
    await expect(store.unlock(TEST_PASSPHRASE)).rejects.toMatchObject({ reason: 'storage' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toBe(0);
    expect(ready()).toBeUndefined();
    expect(store.status()).toBe('closed');
  });

  it("once the store is open, a closure is the store's own to hear", async () => {
    const storage = memoryStorage({ 'carnet.vaultHint': 'no-vault' });
    const { store, start, hear, ready } = createDeferredAppStore(async () => {
      const opening = await openDatabase(nextDatabaseName('deferred-heard'));
      db = opening;
      return createRoot((done) => {
        dispose = done;
        return createAppStore({ db: opening, kdf: inlineKdfRunner });
      });
    }, createVaultHint({ storage }));
    start();
    await until(
      () => ready() !== undefined && store.status() === 'no-vault' && ready()?.status() === 'no-vault',
    );
    hear({ kind: 'device', server: false, accountKept: true, state: 'done' });
    expect(store.status()).toBe('no-vault');
    expect(store.closure()).toBeNull();
  });
});

describe('vault hint', () => {
  it('remembers locked for a vault and no-vault for none, and ignores passing states', () => {
    const storage = memoryStorage();
    const hint = createVaultHint({ storage });
    expect(hint.initial).toBe('loading');
    hint.remember('unlocked');
    expect(storage.items.get('carnet.vaultHint')).toBe('locked');
    hint.remember('error');
    hint.remember('loading');
    expect(storage.items.get('carnet.vaultHint')).toBe('locked');
    hint.remember('closed');
    expect(storage.items.get('carnet.vaultHint')).toBe('no-vault');
    expect(createVaultHint({ storage }).initial).toBe('no-vault');
  });

  it('treats an unreadable or unknown value as nothing known', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const hint = createVaultHint({ storage: broken });
    expect(hint.initial).toBe('loading');
    expect(() => hint.remember('locked')).not.toThrow();
    expect(createVaultHint({ storage: memoryStorage({ 'carnet.vaultHint': 'unlocked' }) }).initial).toBe(
      'loading',
    );
  });
});
