/**
 * A device database for sync tests: the app's own database (web/src/db/database.ts) with the
 * conflict handlers installed, and the outcomes of conflict resolution recorded for assertions.
 */
import { type CarnetDatabase, openDatabase, type VaultMeta } from '../../db/database.ts';
import type { Session } from '../../vault/vault-service.ts';
import { type ConflictOutcome, createConflictHandlers } from '../conflict-handler.ts';
import { saveConflictCopy } from '../save-conflict-copy.ts';
import { type SyncKeys, syncKeysFromDatabase } from '../sync-keys.ts';

export interface Device {
  readonly db: CarnetDatabase;
  session: Session | null;
  readonly outcomes: ConflictOutcome[];
  /** The keys of the unlocked session, as the app hands them to the replication (pull guard). */
  readonly getKeys: () => SyncKeys | null;
}

export async function openDevice(name: string): Promise<Device> {
  let keys: { vaultKeyId: string; keys: SyncKeys } | null = null;
  let db: CarnetDatabase | null = null;
  const getKeys = (): SyncKeys | null => {
    if (!db || !device.session) return null;
    if (keys?.vaultKeyId !== device.session.vaultKey.id) {
      keys = {
        vaultKeyId: device.session.vaultKey.id,
        keys: syncKeysFromDatabase(db, device.session.vaultKey),
      };
    }
    return keys.keys;
  };
  const device: Device = { db: null as unknown as CarnetDatabase, session: null, outcomes: [], getKeys };
  const handlers = createConflictHandlers({
    getKeys,
    saveCopy: async (envelope) => {
      if (db) await saveConflictCopy(db, envelope);
    },
    onResolved: (event) => device.outcomes.push(event.outcome),
  });
  // The app's own database, with the conflict handlers installed as main.tsx installs them.
  db = await openDatabase(name, handlers);
  return Object.assign(device, { db });
}

export type { VaultMeta };

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
