/**
 * The device's database: RxDB on Dexie (IndexedDB). It holds only encrypted envelopes plus the
 * keyring (wrapped keys, no secret in clear) and non-health settings (DESIGN §1.5).
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
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

export interface CarnetCollections {
  vault: RxCollection<VaultMeta>;
  profiles: RxCollection<StoredEnvelope>;
  records: RxCollection<StoredEnvelope>;
  blobs: RxCollection<StoredEnvelope>;
}

export type CarnetDatabase = RxDatabase<CarnetCollections>;

export const DEFAULT_DATABASE_NAME = 'carnet';

export async function openDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<CarnetDatabase> {
  const db = await createRxDatabase<CarnetCollections>({
    name,
    storage: getRxStorageDexie(),
    // Several tabs may be open: RxDB keeps them consistent over a BroadcastChannel.
    multiInstance: typeof BroadcastChannel !== 'undefined',
    closeDuplicates: true,
  });
  await db.addCollections({
    vault: { schema: vaultMetaSchema },
    profiles: { schema: envelopeRxSchema },
    records: { schema: envelopeRxSchema },
    blobs: { schema: envelopeRxSchema },
  });
  return db;
}
