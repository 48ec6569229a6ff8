/**
 * For tests that need the real app store: RxDB on fake-indexeddb (the test file imports
 * 'fake-indexeddb/auto'), the inline key derivation, and optionally sync with a test server.
 * `openUnlockedApp` goes on to create a vault and one profile, the state most tests start from (one
 * level down, without the store: unlocked-vault.ts).
 * The caller disposes the store and removes or closes the database when the test is done.
 */
import { createRoot } from 'solid-js';
import type { Profile } from '../../../shared/schema/profile.ts';
import type { Now } from '../core/clock.ts';
import { type CarnetDatabase, openDatabase } from '../db/database.ts';
import { type AppStore, type AppStoreOptions, createAppStore } from '../store/app-store.ts';
import { createSyncWiring } from '../store/sync-controller.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { nextDatabaseName, TEST_PASSPHRASE, TEST_PROFILE, until } from './unlocked-vault.ts';

export interface OpenAppOptions {
  /** Prefix of the database name; a counter and the time make each database new. */
  readonly name: string;
  /** Syncs with the server at this address (the sync wiring is installed as main.tsx does). */
  readonly serverUrl?: string;
  readonly now?: Now;
  /** What a device wipe clears besides the database (memory storages in Node). */
  readonly wipeTargets?: AppStoreOptions['wipeTargets'];
  /** Two stores given one name hear each other's wipes, as two tabs of one vault do. */
  readonly closureChannel?: string;
}

export interface OpenedApp {
  readonly store: AppStore;
  readonly db: CarnetDatabase;
  /** Disposes the store's reactive root; the database stays for the caller to remove or close. */
  readonly dispose: () => void;
}

export interface UnlockedApp extends OpenedApp {
  readonly profileId: string;
  readonly recoveryKey: string;
}

/** A loaded store on a new, empty database: no vault yet. */
export async function openApp(options: OpenAppOptions): Promise<OpenedApp> {
  const wiring = options.serverUrl === undefined ? undefined : createSyncWiring();
  const db = await openDatabase(nextDatabaseName(options.name), wiring?.conflictHandlers);
  wiring?.attach(db);
  const storeOptions: AppStoreOptions = {
    db,
    kdf: inlineKdfRunner,
    ...(options.now ? { now: options.now } : {}),
    ...(options.wipeTargets ? { wipeTargets: options.wipeTargets } : {}),
    ...(options.closureChannel ? { closureChannel: options.closureChannel } : {}),
    ...(wiring && options.serverUrl !== undefined ? { sync: { wiring, serverUrl: options.serverUrl } } : {}),
  };
  let dispose: () => void = () => undefined;
  const store = createRoot((d) => {
    dispose = d;
    return createAppStore(storeOptions);
  });
  await until(() => store.status() !== 'loading');
  return { store, db, dispose };
}

/** A store with a new vault, unlocked, holding one profile (Camille Martin unless told). */
export async function openUnlockedApp(
  options: OpenAppOptions & { readonly passphrase?: string; readonly profile?: Profile },
): Promise<UnlockedApp> {
  const app = await openApp(options);
  const recoveryKey = await app.store.createVault(options.passphrase ?? TEST_PASSPHRASE);
  const profile = await app.store.createProfile(options.profile ?? TEST_PROFILE);
  return { ...app, profileId: profile.id, recoveryKey };
}
