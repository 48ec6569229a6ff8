/**
 * A device database for sync tests: the same collections as web/src/db/database.ts, with the
 * conflict handlers installed the way database.ts must install them (see the sync report).
 */
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { CarnetCollections, CarnetDatabase, VaultMeta } from '../../db/database.ts';
import { envelopeRxSchema } from '../../db/envelope-schema.ts';
import type { Session } from '../../vault/vault-service.ts';
import { type ConflictOutcome, createConflictHandlers } from '../conflict-handler.ts';
import { saveConflictCopy } from '../save-conflict-copy.ts';
import { type SyncKeys, syncKeysFromDatabase } from '../sync-keys.ts';

export interface Device {
  readonly db: CarnetDatabase;
  session: Session | null;
  readonly outcomes: ConflictOutcome[];
}

export async function openDevice(name: string): Promise<Device> {
  let keys: SyncKeys | null = null;
  const device: Device = { db: null as unknown as CarnetDatabase, session: null, outcomes: [] };
  const db = await createRxDatabase<CarnetCollections>({
    name,
    storage: getRxStorageDexie(),
    multiInstance: false,
  });
  const handlers = createConflictHandlers({
    getKeys: () => {
      if (!device.session) return null;
      keys ??= syncKeysFromDatabase(db, device.session.vaultKey);
      return keys;
    },
    saveCopy: (envelope) => saveConflictCopy(db, envelope),
    onResolved: (event) => device.outcomes.push(event.outcome),
  });
  await db.addCollections({
    vault: { schema: vaultSchema },
    profiles: { schema: envelopeRxSchema, conflictHandler: handlers.profiles },
    records: { schema: envelopeRxSchema, conflictHandler: handlers.records },
    blobs: { schema: envelopeRxSchema, conflictHandler: handlers.blobs },
  });
  return Object.assign(device, { db });
}

const vaultSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 16 },
    keyring: { type: 'object' },
    autoLockMinutes: { type: 'integer', minimum: 0 },
    createdAt: { type: 'string' },
  },
  required: ['id', 'keyring', 'autoLockMinutes', 'createdAt'],
} as const;

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
