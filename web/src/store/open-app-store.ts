/**
 * Opens the database and builds the real `AppStore`: RxDB, the sync wiring, the KDF runner. Loaded
 * by a dynamic import (main.tsx) so that the first screen paints before this code has downloaded.
 */
import { openDatabase } from '../db/database.ts';
import { prepareKdfWorker, workerKdfRunner } from '../vault/kdf-runner.ts';
import { type AppStore, createAppStore } from './app-store.ts';
import { createSyncWiring } from './sync-controller.ts';

export interface OpenAppStoreOptions {
  serverUrl: string;
  /** The address's fragment when the page started (a share link), before the router touches it. */
  initialShareHash: string;
}

export async function openAppStore(options: OpenAppStoreOptions): Promise<AppStore> {
  // The conflict handlers must exist when the collections are created; they decrypt with the
  // session's keys, which the store hands to the wiring on unlock.
  const syncWiring = createSyncWiring();
  const db = await openDatabase(undefined, syncWiring.conflictHandlers);
  syncWiring.attach(db);
  return createAppStore({
    db,
    kdf: workerKdfRunner,
    prepareKdf: prepareKdfWorker,
    storage: localStorage,
    sync: { wiring: syncWiring, serverUrl: options.serverUrl },
    initialShareHash: options.initialShareHash,
  });
}
