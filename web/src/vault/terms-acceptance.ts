/**
 * Which version of the terms of use (and privacy notice) the account holder accepted, when, and that
 * they declared being 18 or over (issue 18 item 5). The texts are in features/legal; their version is
 * `TERMS_VERSION`, raised whenever a change needs a new acceptance: an acceptance of an older version
 * is then asked again after the next unlock.
 *
 * Kept with the vault, not in the browser: one document of the `syncstate` collection (id `terms`),
 * sealed with the vault key (shared/crypto/local-seal.ts, label `terms-acceptance`), so it belongs to
 * this vault and goes with it when the device is wiped. It is not health data, but nothing here needs
 * to be readable while locked. No document (a vault made before this, one adopted on a new device, a
 * restored backup) reads as "not accepted", and the acceptance is asked once after unlocking.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { CarnetDatabase } from '../db/database.ts';

/** Raise on every change of the terms or privacy notice that needs a new acceptance. */
export const TERMS_VERSION = 1;
/** The date the current version took effect (shown on the legal pages). */
export const TERMS_DATE = '2026-12-04';

const TERMS_ID = 'terms';

const termsAcceptanceSchema = z.strictObject({
  version: z.number().int().min(1),
  /** ISO time of the acceptance, by this device's clock. */
  acceptedAt: z.string().min(1),
  /** The account holder declared being 18 or over. */
  adult: z.literal(true),
});

export type TermsAcceptance = z.infer<typeof termsAcceptanceSchema>;

/** What the person ticked: both boxes are required, so both are `true`. */
export interface TermsConsent {
  readonly terms: true;
  readonly adult: true;
}

/** True when the acceptance covers the current version of the terms. */
export function isTermsCurrent(acceptance: TermsAcceptance | null, current = TERMS_VERSION): boolean {
  return acceptance !== null && acceptance.version >= current;
}

/** Reads the stored acceptance; absent or unreadable (another vault's, damaged) gives null. */
export async function loadTermsAcceptance(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
): Promise<TermsAcceptance | null> {
  const doc = await db.syncstate.findOne(TERMS_ID).exec();
  if (!doc) return null;
  try {
    return termsAcceptanceSchema.parse(openLocal(vaultKey, 'terms-acceptance', JSON.parse(doc.sealed)));
  } catch {
    return null;
  }
}

export async function saveTermsAcceptance(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
  acceptance: TermsAcceptance,
): Promise<void> {
  const value = termsAcceptanceSchema.parse(acceptance);
  const sealed = JSON.stringify(sealLocal(vaultKey, 'terms-acceptance', value));
  await db.syncstate.upsert({ id: TERMS_ID, sealed });
}
