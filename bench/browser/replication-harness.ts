/**
 * Replication benchmark harness (not part of the app build): one device of the app as it runs in
 * the browser — its own database (RxDB on Dexie), AppStore, sync controller and replication — with
 * no screen rendered. bench/replication.bench.ts opens two pages of it (device A, a fresh device B),
 * drives them through `window.carnetBench` and reads the times back. Only APIs that main has had
 * for long are used, so the same harness also measures a baseline checkout.
 */
import { createEffect, createRoot } from 'solid-js';
import { initCrypto } from '../../shared/crypto/sodium.ts';
import { newId } from '../../web/src/core/ids.ts';
import { openDatabase } from '../../web/src/db/database.ts';
import type { StoredEnvelope } from '../../web/src/db/envelope-schema.ts';
import { sealRecord } from '../../web/src/records/record-service.ts';
import { type AppStore, createAppStore } from '../../web/src/store/app-store.ts';
import { createSyncWiring } from '../../web/src/store/sync-controller.ts';
import { workerKdfRunner } from '../../web/src/vault/kdf-runner.ts';

/** Wall-clock milliseconds with sub-millisecond precision, comparable between two pages. */
const clock = (): number => performance.timeOrigin + performance.now();

const BODY = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(16);

let store: AppStore | null = null;
let insert: (docs: StoredEnvelope[]) => Promise<void> = async () => {
  throw new Error('open the device first');
};
let pushedSoFar = 0;
const waiters = new Set<() => void>();

function current(): AppStore {
  if (!store) throw new Error('open the device first');
  return store;
}

/** Resolves when `predicate` holds, checked on every change of the store's records or sync status. */
function until(predicate: () => boolean, timeoutMs = 600_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!predicate()) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve(clock());
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`timed out; status ${JSON.stringify(store?.syncStatus())}`));
    }, timeoutMs);
    waiters.add(check);
    check();
  });
}

async function open(serverUrl: string): Promise<AppStore> {
  await initCrypto();
  const wiring = createSyncWiring();
  const db = await openDatabase(`carnet-bench-${newId()}`, wiring.conflictHandlers);
  wiring.attach(db);
  insert = async (docs) => {
    await db.records.bulkInsert(docs);
  };
  const next = createAppStore({ db, kdf: workerKdfRunner, sync: { wiring, serverUrl } });
  createRoot(() => {
    let roundDone = 0;
    createEffect(() => {
      const status = next.syncStatus();
      next.records();
      next.status();
      if (status?.state === 'syncing' && status.total !== undefined && status.pending !== undefined) {
        roundDone = status.total - status.pending;
      } else if (status?.state === 'synced') {
        pushedSoFar += roundDone;
        roundDone = 0;
      }
      for (const waiter of [...waiters]) waiter();
    });
  });
  store = next;
  return next;
}

function seal(count: number): StoredEnvelope[] {
  const s = current();
  const profile = s.profiles()[0];
  if (!profile) throw new Error('no profile');
  return Array.from({ length: count }, () =>
    sealRecord(newId(), 1, profile, { kind: 'note', schemaVersion: 1, title: 'Bench note', body: BODY }),
  );
}

const api = {
  /** Device A: a new vault with one profile, sync turned on, everything on the server. */
  async createAccount(serverUrl: string, email: string, passphrase: string): Promise<void> {
    const s = await open(serverUrl);
    await until(() => s.status() === 'no-vault');
    await s.createVault(passphrase);
    await s.createProfile({
      schemaVersion: 1,
      displayName: 'Bench',
      relationship: 'self',
      dateOfBirth: '1980-01-01',
      sex: 'unknown',
      locale: 'en',
    });
    await s.turnOnSync(email, passphrase);
    await until(() => s.syncStatus()?.state === 'synced');
  },

  /** Writes `count` already-sealed records in one local write; ms until the server acknowledged them all. */
  async push(count: number): Promise<number> {
    const s = current();
    const docs = seal(count);
    const from = pushedSoFar;
    const t0 = clock();
    await insert(docs);
    const t1 = await until(() => pushedSoFar - from >= count && s.syncStatus()?.state === 'synced');
    return t1 - t0;
  },

  /** A fresh device signs in; ms until every one of `count` records is decrypted in memory. */
  async signIn(serverUrl: string, email: string, passphrase: string, count: number) {
    const s = await open(serverUrl);
    await until(() => s.status() === 'no-vault');
    const t0 = clock();
    await s.signInOnThisDevice(email, passphrase);
    const signedIn = clock();
    const t1 = await until(() => s.records().length >= count);
    return { totalMs: t1 - t0, signInMs: signedIn - t0, records: s.records().length };
  },

  /** Resolves with the wall-clock time at which `count` records are decrypted here. */
  whenRecords(count: number): Promise<number> {
    const s = current();
    return until(() => s.records().length >= count);
  },

  /** Seals and writes `count` new records; returns the wall-clock time it started. */
  async add(count: number): Promise<number> {
    const t0 = clock();
    await insert(seal(count));
    return t0;
  },

  recordCount: (): number => current().records().length,
};

(window as unknown as { carnetBench: typeof api }).carnetBench = api;
