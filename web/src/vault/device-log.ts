/**
 * What happened on this device that the server cannot know, for the access history
 * (docs/architecture.md §7.5): backups made, exports made (emergency card, wallpaper, prescription
 * PDF), passphrase changes and recoveries made here. Kind, time and, where it concerns one profile,
 * its random id: never what was exported.
 *
 * Stored as one document of the `syncstate` collection (id `device-log`), sealed with the vault key
 * (shared/crypto/local-seal.ts, label `device-log`), like the sync history. Never synced: each
 * device tells its own. Writes are serialized; the newest `MAX_DEVICE_EVENTS` are kept.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { CarnetDatabase } from '../db/database.ts';

export const DEVICE_LOG_ID = 'device-log';
export const MAX_DEVICE_EVENTS = 500;

export const DEVICE_EVENT_KINDS = [
  'backup-made',
  'export-made',
  'passphrase-changed',
  'recovered',
  'recovery-key-renewed',
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

const eventSchema = z.object({
  at: z.number(),
  kind: z.enum(DEVICE_EVENT_KINDS),
  profileId: z.string().max(64).optional(),
});
export type DeviceEvent = z.infer<typeof eventSchema>;

const storedSchema = z.object({ events: z.array(eventSchema) });

let writing: Promise<void> = Promise.resolve();

/** The log, newest first; an absent, foreign or unreadable one reads as empty. */
export async function readDeviceLog(db: CarnetDatabase, vaultKey: SymmetricKey): Promise<DeviceEvent[]> {
  const doc = await db.syncstate.findOne(DEVICE_LOG_ID).exec();
  if (!doc) return [];
  try {
    return storedSchema.parse(openLocal(vaultKey, 'device-log', JSON.parse(doc.sealed))).events;
  } catch {
    return [];
  }
}

/** Adds one event; resolves once it (and every earlier one) is stored. */
export function appendDeviceEvent(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
  event: DeviceEvent,
): Promise<void> {
  writing = writing
    .catch(() => undefined)
    .then(async () => {
      const events = [event, ...(await readDeviceLog(db, vaultKey))].slice(0, MAX_DEVICE_EVENTS);
      const sealed = JSON.stringify(sealLocal(vaultKey, 'device-log', { events }));
      await db.syncstate.upsert({ id: DEVICE_LOG_ID, sealed });
    });
  return writing;
}
