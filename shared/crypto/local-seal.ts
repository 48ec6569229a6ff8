/**
 * Local sealing: the one way to keep a device-local secret under the vault key — this device's sync
 * credentials, its shares' secrets, and the copy of a share's secret uploaded for the owner's other
 * devices.
 *
 * XChaCha20-Poly1305 (aead.ts) with a fresh random nonce; the plaintext is JSON. The additional
 * data binds the scheme and its version, the label (what the value is) and an optional context
 * (which one, e.g. the share id), so a value sealed for one purpose or one share never opens as
 * another. The sealed form names the sealing key's fingerprint (`by`), so a wrong key is reported
 * as `wrong-key` with certainty and an authentication failure with the right key as `tampered`.
 *
 * Invariants: labels form a closed list (`LocalLabel`), and a label is never reused for another
 * value shape; `by` is optional when opening only because the owner-secret copy travels in the fixed
 * wire shape `{nonce, ciphertext}`: without it a wrong key reads as `tampered`. Values sealed before
 * this scheme are read by local-seal-legacy.ts.
 */
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export const LOCAL_LABELS = [
  'sync-credentials',
  'shares-state',
  'share-owner-secret',
  'sync-history',
  'recovery-state',
  'device-log',
  'message-pins',
  'notices',
  'message-outbox',
  'terms-acceptance',
  'reminders',
] as const;
export type LocalLabel = (typeof LOCAL_LABELS)[number];

export const LOCAL_SEAL_VERSION = 1;

export interface LocalSealed {
  /** Fingerprint of the sealing key. */
  readonly by: string;
  readonly nonce: string;
  readonly ciphertext: string;
}

/** What `openLocal` accepts: a sealed value, possibly stripped of `by` for the wire. */
export type LocalSealedInput = Omit<LocalSealed, 'by'> & { readonly by?: string };

function additionalData(label: LocalLabel, context: string | undefined): Uint8Array {
  // A JSON array is an unambiguous encoding: no label or context can collide with another pair.
  return utf8(JSON.stringify(['carnet.local', LOCAL_SEAL_VERSION, label, context ?? null]));
}

export function sealLocal(
  key: SymmetricKey,
  label: LocalLabel,
  value: unknown,
  context?: string,
): LocalSealed {
  const sealed = aeadEncrypt(key, utf8(JSON.stringify(value)), additionalData(label, context));
  return { by: key.id, nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
}

/**
 * Returns the parsed JSON, for the caller to validate. Throws `wrong-key` (sealed with another key),
 * `tampered` (altered, or sealed under another label or context) or `invalid-input` (not base64url).
 */
export function openLocal(
  key: SymmetricKey,
  label: LocalLabel,
  sealed: LocalSealedInput,
  context?: string,
): unknown {
  if (sealed.by !== undefined && sealed.by !== key.id) {
    throw new CryptoError('wrong-key', 'this value was sealed with another key');
  }
  const bytes = aeadDecrypt(
    key,
    { nonce: fromBase64(sealed.nonce, 'nonce'), ciphertext: fromBase64(sealed.ciphertext, 'ciphertext') },
    additionalData(label, context),
  );
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    // Authenticated but not JSON: written by a buggy or hostile client holding the key.
    throw new CryptoError('invalid-input', 'sealed value is not valid JSON');
  }
}
