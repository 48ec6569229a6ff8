/**
 * The patient's share secrets (each share's key, passcode and typed code), kept on this device in
 * the `syncstate` collection, encrypted with the vault key like the sync credentials: nothing in
 * IndexedDB is readable without unlocking. They are needed to re-encrypt the snapshot when a shared
 * section changes and to show the link again. (Local to the device that created the share; the list
 * of shares and their state come from the server on every device.)
 */
import { aeadDecrypt, aeadEncrypt } from '../../../../shared/crypto/aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../../../shared/crypto/encoding.ts';
import type { SymmetricKey } from '../../../../shared/crypto/symmetric-key.ts';
import { SHARE_MODES, SHARE_SECTIONS } from '../../../../shared/protocol/shares.ts';
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
