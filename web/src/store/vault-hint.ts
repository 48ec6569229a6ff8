/**
 * Which first screen to paint before the database is open (deferred-app-store.ts): the last vault
 * status this browser saw, kept in localStorage (a word, no health data). With none remembered, a
 * browser with no Carnet database at all has no vault: `indexedDB.databases()` says so without
 * loading RxDB. Only the first paint follows the hint; every action waits for the real store.
 */
import type { VaultStatus } from './app-store.ts';
import type { VaultHint } from './deferred-app-store.ts';

const HINT_KEY = 'carnet.vaultHint';
/** RxDB's Dexie storage names each collection's IndexedDB database `rxdb-dexie-<name>--…`. */
const DATABASE_PREFIX = 'rxdb-dexie-carnet--';

type Remembered = 'locked' | 'no-vault';

function remembered(status: VaultStatus): Remembered | null {
  if (status === 'locked' || status === 'unlocked') return 'locked';
  if (status === 'no-vault' || status === 'closed') return 'no-vault';
  return null;
}

export interface VaultHintSources {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** `indexedDB.databases` where the browser has it. */
  databases?: () => Promise<readonly { name?: string }[]>;
}

export function createVaultHint({ storage, databases }: VaultHintSources): VaultHint {
  const read = (): string | null => {
    try {
      return storage?.getItem(HINT_KEY) ?? null;
    } catch {
      return null;
    }
  };
  const stored = read();
  const initial: VaultStatus = stored === 'locked' || stored === 'no-vault' ? stored : 'loading';
  const probe =
    initial === 'loading' && databases
      ? databases().then(
          (list) => (list.some((db) => db.name?.startsWith(DATABASE_PREFIX)) ? null : 'no-vault'),
          () => null,
        )
      : undefined;
  return {
    initial,
    ...(probe && { probe }),
    remember(status) {
      const next = remembered(status);
      if (!next || next === read()) return;
      try {
        storage?.setItem(HINT_KEY, next);
      } catch {
        // A hint only: without storage the next load starts from 'loading'.
      }
    },
  };
}

/** The browser's own sources. */
export function browserVaultHint(): VaultHint {
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    storage = null;
  }
  const idb = typeof indexedDB === 'undefined' ? undefined : indexedDB;
  return createVaultHint({
    storage,
    ...(idb && typeof idb.databases === 'function' && { databases: () => idb.databases() }),
  });
}
