/**
 * The patient's share secrets (each share's key, passcode and typed code), kept on this device in
 * the `syncstate` collection, encrypted with the vault key like the sync credentials: nothing in
 * IndexedDB is readable without unlocking. They are needed to re-encrypt the snapshot when a shared
 * section changes and to show the link again. A copy sealed with the same vault key (its own AD,
 * bound to the share id) goes to the server with the share (`ownerSecret`, owner-only), so the
 * patient's other devices, which hold the same vault key, can take the share over; the server
 * cannot open it.
 */
import { aeadDecrypt, aeadEncrypt } from '../../../../shared/crypto/aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../../../shared/crypto/encoding.ts';
import type { SymmetricKey } from '../../../../shared/crypto/symmetric-key.ts';
import { type OwnerSecret, SHARE_MODES, SHARE_SECTIONS } from '../../../../shared/protocol/shares.ts';
import { z } from '../../../../shared/schema/zod.ts';

const AD = utf8('carnet.shares-state.v1');

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
});
export type ShareSecret = z.infer<typeof secretSchema>;
const stateSchema = z.array(secretSchema);

const ownerSchema = secretSchema.pick({
  id: true,
  profileId: true,
  key: true,
  passcode: true,
  code: true,
  mode: true,
  sections: true,
});

const ownerAd = (shareId: string) => utf8(`carnet.share-owner-secret|${shareId}`);

export function sealOwnerSecret(secret: ShareSecret, vaultKey: SymmetricKey): OwnerSecret {
  const { id, profileId, key, passcode, code, mode, sections } = secret;
  const owned = ownerSchema.parse({ id, profileId, key, passcode, code, mode, sections });
  const sealed = aeadEncrypt(vaultKey, utf8(JSON.stringify(owned)), ownerAd(secret.id));
  return { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
}

/** The share's secret from its server copy, or null when it does not open (or names another share). */
export function openOwnerSecret(
  share: { id: string; expiresAt: number; ownerSecret: OwnerSecret },
  vaultKey: SymmetricKey,
): ShareSecret | null {
  const { id: shareId, ownerSecret: sealed } = share;
  try {
    const bytes = aeadDecrypt(
      vaultKey,
      { nonce: fromBase64(sealed.nonce), ciphertext: fromBase64(sealed.ciphertext) },
      ownerAd(shareId),
    );
    const parsed = ownerSchema.parse(JSON.parse(fromUtf8(bytes)));
    // The snapshot version is learnt from the server; an empty digest uploads the next one afresh.
    return parsed.id === shareId ? { ...parsed, expiresAt: share.expiresAt, version: 1, digest: '' } : null;
  } catch {
    return null;
  }
}

export function sealShares(secrets: readonly ShareSecret[], vaultKey: SymmetricKey): string {
  const sealed = aeadEncrypt(vaultKey, utf8(JSON.stringify(secrets)), AD);
  return JSON.stringify({ nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) });
}

export function openShares(sealed: string | null, vaultKey: SymmetricKey): ShareSecret[] {
  if (!sealed) return [];
  const { nonce, ciphertext } = JSON.parse(sealed) as { nonce: string; ciphertext: string };
  const bytes = aeadDecrypt(vaultKey, { nonce: fromBase64(nonce), ciphertext: fromBase64(ciphertext) }, AD);
  return stateSchema.parse(JSON.parse(fromUtf8(bytes)));
}
