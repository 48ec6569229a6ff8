/**
 * Removes everything Carnet keeps on this device (docs/architecture.md §7.4): the RxDB database
 * (envelopes, keyring, sealed sync credentials and share secrets), then every other IndexedDB
 * database of this origin (RxDB's replication meta data, anything a past version left), Cache
 * Storage entries other than the app shell's precache, and the `carnet.*` keys of localStorage and
 * sessionStorage, the UI language aside (not vault data; the confirmation stays in the person's
 * language). The origin is Carnet's own, so whatever IndexedDB holds here is Carnet's.
 *
 * The caller locks the vault first: nothing may still read or replicate while the data goes.
 */
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';

/** localStorage keys that are not the vault's and stay: the UI language. */
const KEPT_KEYS: readonly string[] = ['carnet.locale'];
/** Workbox's precache: the app's own files, which a wiped device still needs to start. */
const APP_SHELL_CACHE = /^workbox-precache/;

export interface WipeTargets {
  readonly db: CarnetDatabase;
  readonly indexedDB?: Pick<IDBFactory, 'databases' | 'deleteDatabase'> | undefined;
  readonly caches?: Pick<CacheStorage, 'keys' | 'delete'> | undefined;
  readonly localStorage?: Storage | undefined;
  readonly sessionStorage?: Storage | undefined;
}

export interface WipeReport {
  /** IndexedDB databases deleted besides the ones RxDB removed itself. */
  readonly databases: readonly string[];
  readonly caches: readonly string[];
  readonly storageKeys: number;
}

function deleteDatabase(factory: Pick<IDBFactory, 'deleteDatabase'>, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new AppError('storage', `could not delete database ${name}`));
    // Another tab still holds it open: its connection closes on versionchange (Dexie does so) and
    // the deletion then goes on; nothing to do here but wait for success or error.
    request.onblocked = () => undefined;
  });
}

function carnetKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith('carnet.') && !KEPT_KEYS.includes(key)) keys.push(key);
  }
  return keys;
}

export async function wipeDevice(targets: WipeTargets): Promise<WipeReport> {
  // RxDB first: it closes its own connections and removes every collection's storage.
  await targets.db.remove();

  const databases: string[] = [];
  if (targets.indexedDB) {
    for (const { name } of await targets.indexedDB.databases()) {
      if (!name) continue;
      await deleteDatabase(targets.indexedDB, name);
      databases.push(name);
    }
  }

  const caches: string[] = [];
  if (targets.caches) {
    for (const name of await targets.caches.keys()) {
      if (APP_SHELL_CACHE.test(name)) continue;
      await targets.caches.delete(name);
      caches.push(name);
    }
  }

  let storageKeys = 0;
  for (const storage of [targets.localStorage, targets.sessionStorage]) {
    if (!storage) continue;
    for (const key of carnetKeys(storage)) {
      storage.removeItem(key);
      storageKeys++;
    }
  }
  return { databases, caches, storageKeys };
}
