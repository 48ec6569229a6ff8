/**
 * The patient's share secrets (each share's key, passcode and typed code), kept on this device in
 * the `syncstate` collection, sealed with the vault key like the sync credentials (`sealLocal`,
 * label `shares-state`): nothing in IndexedDB is readable without unlocking. They are needed to
 * re-encrypt the snapshot when a shared section changes and to show the link again. A copy sealed
 * with the same vault key (label `share-owner-secret`, the share id as context) goes to the server
 * with the share (`ownerSecret`, owner-only, in the wire shape `{nonce, ciphertext}`), so the
 * patient's other devices, which hold the same vault key, can take the share over; the server
 * cannot open it. Both still open in the form written before local sealing.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import { openLegacyOwnerSecret, openLegacySharesState } from '../../../shared/crypto/local-seal-legacy.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type OwnerSecret, SHARE_MODES, SHARE_SECTIONS } from '../../../shared/protocol/shares.ts';
import { z } from '../../../shared/schema/zod.ts';
import { sharedFilesSchema } from './share-files.ts';

const secretSchema = z.strictObject({
  id: z.string(),
  profileId: z.string(),
  key: z.string(),
  passcode: z.string(),
  code: z.string().nullable(),
  mode: z.enum(SHARE_MODES),
  sections: z.array(z.enum(SHARE_SECTIONS)),
  expiresAt: z.number(),
  version: z.number(),
  /** Digest of the last uploaded snapshot's plaintext: unchanged sections upload nothing. */
  digest: z.string(),
  /** Ended on the server and every entry fetched: the agent asks no more. */
  drained: z.boolean().optional(),
  /**
   * Revoked, as this device knows it (revoked here, or the server once said so): for good. Nothing
   * the server says later brings the share back; the record stays so it is never taken over again.
   */
  revoked: z.boolean().optional(),
  /** The documents the share carries (their chunks are on the server): listed in every snapshot. */
  files: sharedFilesSchema.optional(),
});
export type ShareSecret = z.infer<typeof secretSchema>;
const stateSchema = z.array(secretSchema);

const ownerSchema = secretSchema
  .pick({
    id: true,
    profileId: true,
    key: true,
    passcode: true,
    code: true,
    mode: true,
    sections: true,
    files: true,
  })
  // The expiry the patient chose, sealed: the server's `expiresAt` can shorten it, never extend it.
  // Optional: copies uploaded before it was sealed carry none.
  .extend({ expiresAt: z.number().optional() });

export function sealOwnerSecret(secret: ShareSecret, vaultKey: SymmetricKey): OwnerSecret {
  const { id, profileId, key, passcode, code, mode, sections, expiresAt, files } = secret;
  const owned = ownerSchema.parse({
    id,
    profileId,
    key,
    passcode,
    code,
    mode,
    sections,
    expiresAt,
    ...(files && files.length > 0 ? { files } : {}),
  });
  const { nonce, ciphertext } = sealLocal(vaultKey, 'share-owner-secret', owned, secret.id);
  return { nonce, ciphertext };
}

function openOwned(sealed: OwnerSecret, vaultKey: SymmetricKey, shareId: string): unknown {
  try {
    return openLocal(vaultKey, 'share-owner-secret', sealed, shareId);
  } catch {
    // Copies uploaded before local sealing stay on the server until the share ends.
    return openLegacyOwnerSecret(vaultKey, shareId, sealed);
  }
}

/** The share's secret from its server copy, or null when it does not open (or names another share). */
export function openOwnerSecret(
  share: { id: string; expiresAt: number; ownerSecret: OwnerSecret },
  vaultKey: SymmetricKey,
): ShareSecret | null {
  const { id: shareId, ownerSecret: sealed } = share;
  try {
    const { expiresAt: sealedExpiry, ...parsed } = ownerSchema.parse(openOwned(sealed, vaultKey, shareId));
    // The earlier of the sealed expiry and the server's: a server can end a share early, not extend it.
    const expiresAt = Math.min(sealedExpiry ?? share.expiresAt, share.expiresAt);
    // The snapshot version is learnt from the server; an empty digest uploads the next one afresh.
    return parsed.id === shareId ? { ...parsed, expiresAt, version: 1, digest: '' } : null;
  } catch {
    return null;
  }
}

export function sealShares(secrets: readonly ShareSecret[], vaultKey: SymmetricKey): string {
  return JSON.stringify(sealLocal(vaultKey, 'shares-state', secrets));
}

export function openShares(sealed: string | null, vaultKey: SymmetricKey): ShareSecret[] {
  if (!sealed) return [];
  const stored = JSON.parse(sealed) as { by?: string; nonce: string; ciphertext: string };
  // Without a key fingerprint, the state was sealed before local sealing.
  const opened =
    stored.by === undefined
      ? openLegacySharesState(vaultKey, stored)
      : openLocal(vaultKey, 'shares-state', stored);
  return stateSchema.parse(opened);
}
