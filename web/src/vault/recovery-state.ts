/**
 * What this device knows of the recovery key (issue 14 item 1): when the current one was made,
 * whether the person typed part of it back (so a usable copy exists), and, until they did, the key
 * itself, so the confirmation can be asked again on the next unlock instead of being skipped for good.
 *
 * One document of the `syncstate` collection (id `recovery`), sealed with the vault key
 * (shared/crypto/local-seal.ts, label `recovery-state`). Keeping the unconfirmed key under the vault
 * key adds no way in: whoever can open it already holds the vault key the recovery key unwraps. It is
 * dropped as soon as the key is confirmed. No document (a vault made before this, one adopted from
 * the server or restored from a backup) reads as "not known": the app does not nag then.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { CarnetDatabase } from '../db/database.ts';

const RECOVERY_ID = 'recovery';

const recoveryStateSchema = z.object({
  /** ISO time the current recovery key was made; null when not known (made before this was kept). */
  madeAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The key while unconfirmed, to ask for it again; null once confirmed. */
  pendingKey: z.string().nullable(),
});

export type RecoveryState = z.infer<typeof recoveryStateSchema>;

/** Reads the stored state; absent or unreadable (another vault's, damaged) gives null. */
export async function loadRecoveryState(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
): Promise<RecoveryState | null> {
  const doc = await db.syncstate.findOne(RECOVERY_ID).exec();
  if (!doc) return null;
  try {
    return recoveryStateSchema.parse(openLocal(vaultKey, 'recovery-state', JSON.parse(doc.sealed)));
  } catch {
    return null;
  }
}

export async function saveRecoveryState(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
  state: RecoveryState,
): Promise<void> {
  const sealed = JSON.stringify(sealLocal(vaultKey, 'recovery-state', recoveryStateSchema.parse(state)));
  await db.syncstate.upsert({ id: RECOVERY_ID, sealed });
}
