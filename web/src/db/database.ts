/**
 * The device's database: RxDB on Dexie (IndexedDB). It holds only encrypted envelopes plus the
 * keyring (wrapped keys, no secret in clear) and non-health settings (docs/architecture.md §1.5).
 */
import {
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
import { DEFAULT_DATABASE_NAME } from './database-name.ts';
import { envelopeRxSchema, type StoredEnvelope } from './envelope-schema.ts';

export interface VaultMeta {
  /** Always 'vault': one vault per browser profile. */
  id: string;
  keyring: Keyring;
  autoLockMinutes: number;
  createdAt: string;
}

const vaultMetaSchema: RxJsonSchema<VaultMeta> = {
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
};

/** This device's sync credentials, encrypted with the vault key (web/src/sync/sync-credentials.ts). */
export interface SyncState {
  /** Always 'sync'. */
  id: string;
  sealed: string;
}

const syncStateSchema: RxJsonSchema<SyncState> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 16 },
    sealed: { type: 'string' },
  },
  required: ['id', 'sealed'],
};

export interface CarnetCollections {
  vault: RxCollection<VaultMeta>;
  syncstate: RxCollection<SyncState>;
  profiles: RxCollection<StoredEnvelope>;
  records: RxCollection<StoredEnvelope>;
  blobs: RxCollection<StoredEnvelope>;
}

export type CarnetDatabase = RxDatabase<CarnetCollections>;

export { DEFAULT_DATABASE_NAME };

/** Sync conflicts are resolved after decryption (web/src/sync/conflict-handler.ts). */
export type EnvelopeConflictHandlers = Record<
  'profiles' | 'records' | 'blobs',
  RxConflictHandler<StoredEnvelope>
>;

export async function openDatabase(
  name: string = DEFAULT_DATABASE_NAME,
  conflictHandlers?: EnvelopeConflictHandlers,
): Promise<CarnetDatabase> {
  const db = await createRxDatabase<CarnetCollections>({
    name,
    storage: getRxStorageDexie(),
    // Several tabs may be open: RxDB keeps them consistent over a BroadcastChannel.
    multiInstance: typeof BroadcastChannel !== 'undefined',
    closeDuplicates: true,
  });
  await db.addCollections({
    vault: { schema: vaultMetaSchema },
    syncstate: { schema: syncStateSchema },
    profiles: {
      schema: envelopeRxSchema,
      ...(conflictHandlers && { conflictHandler: conflictHandlers.profiles }),
    },
    records: {
      schema: envelopeRxSchema,
      ...(conflictHandlers && { conflictHandler: conflictHandlers.records }),
    },
    blobs: { schema: envelopeRxSchema, ...(conflictHandlers && { conflictHandler: conflictHandlers.blobs }) },
  });
  return db;
}
