/**
 * Share keys (docs/architecture.md §8.1, SMART Health Links style). A share has one random 32-byte key that only
 * ever travels in a URL fragment (`<origin>/s#<shareId>.<base64url key>`), never to the server.
 * From it, with keyed BLAKE2b and distinct labels:
 * - the access token, which the server keeps only hashed and compares to let a holder read the
 *   snapshot or write entries (with the optional passcode mixed in, so the link alone is not enough);
 * - the content key, which encrypts the snapshot (XChaCha20-Poly1305, AD = shareId|version);
 * - the entry key, which tags each practitioner entry (keyed BLAKE2b of shareId|entryId|profileId):
 *   only holders of the share key (the practitioner, the patient) can compute a tag, so a hostile
 *   server cannot forge an entry for this share even with a key pair of its own.
 */
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { constantTimeEqual } from './bytes.ts';
import { fromBase64, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import { sodium } from './sodium.ts';
import { KEY_BYTES, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const SHARE_ID_BYTES = 16;
const ACCESS_LABEL = 'carnet-share-access';
const CONTENT_LABEL = 'carnet-share-content';
const ENTRY_LABEL = 'carnet-share-entry';
const SHARE_ID = /^[A-Za-z0-9_-]{22}$/;
const LINK_FRAGMENT = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})(\.0)?$/;
/**
 * Ends the fragment of a share made without a passcode, so the practitioner's app opens it at once
 * instead of asking for one (a blind try would spend one of the five attempts of a share that has
 * a passcode). A link without it may or may not have one: the passcode is asked, as before.
 */
const NO_PASSCODE_MARK = '.0';

export function generateShareKey(): Uint8Array {
  return sodium().randombytes_buf(KEY_BYTES);
}

export function generateShareId(): string {
  return toBase64(sodium().randombytes_buf(SHARE_ID_BYTES));
}

export function isShareId(value: string): boolean {
  return SHARE_ID.test(value);
}

function checkKey(shareKey: Uint8Array): void {
  if (shareKey.length !== KEY_BYTES) throw new CryptoError('invalid-input', 'a share key is 32 bytes');
}

/** What proves to the server that the caller holds the share key (and the passcode, if any). */
export function shareAccessToken(shareKey: Uint8Array, passcode = ''): string {
  checkKey(shareKey);
  const message = utf8(`${ACCESS_LABEL}\u0000${passcode.normalize('NFC')}`);
  return toBase64(sodium().crypto_generichash(32, message, shareKey));
}

export function shareContentKey(shareKey: Uint8Array): SymmetricKey {
  checkKey(shareKey);
  return symmetricKey(sodium().crypto_generichash(KEY_BYTES, utf8(CONTENT_LABEL), shareKey));
}

/** The tag a practitioner signs into each entry; the patient's device recomputes and compares it. */
export function shareEntryTag(
  shareKey: Uint8Array,
  shareId: string,
  entryId: string,
  profileId: string,
): string {
  checkKey(shareKey);
  const subkey = sodium().crypto_generichash(KEY_BYTES, utf8(ENTRY_LABEL), shareKey);
  return toBase64(sodium().crypto_generichash(32, utf8(`${shareId}|${entryId}|${profileId}`), subkey));
}

/** Constant-time comparison of two tags (base64url); false when either is malformed. */
export function sameEntryTag(a: string, b: string): boolean {
  try {
    const x = fromBase64(a, 'tag');
    const y = fromBase64(b, 'tag');
    return constantTimeEqual(x, y);
  } catch {
    return false;
  }
}

export interface SealedSnapshot {
  readonly nonce: string;
  readonly ciphertext: string;
}

function snapshotAd(shareId: string, version: number): Uint8Array {
  return utf8(`carnet.share-snapshot|${shareId}|${version}`);
}

/**
 * Encrypts a snapshot's JSON; the AD binds it to its share and version, so the server can neither
 * swap shares nor relabel a version. It can still serve an older genuine version: refusing a version
 * lower than one already seen is the practitioner's page's job (web snapshot-versions.ts).
 */
export function sealSnapshot(
  shareKey: Uint8Array,
  shareId: string,
  version: number,
  snapshot: unknown,
): SealedSnapshot {
  const sealed = aeadEncrypt(
    shareContentKey(shareKey),
    utf8(JSON.stringify(snapshot)),
    snapshotAd(shareId, version),
  );
  return { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
}

/** Throws `tampered` for a wrong key, another share's or version's snapshot, or altered bytes. */
export function openSnapshot(
  shareKey: Uint8Array,
  shareId: string,
  version: number,
  sealed: SealedSnapshot,
): unknown {
  const bytes = aeadDecrypt(
    shareContentKey(shareKey),
    { nonce: fromBase64(sealed.nonce, 'nonce'), ciphertext: fromBase64(sealed.ciphertext, 'ciphertext') },
    snapshotAd(shareId, version),
  );
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new CryptoError('tampered', 'the snapshot is not JSON');
  }
}

/**
 * `<origin>/s#<shareId>.<key>[.0]`: everything secret in the fragment, which browsers never send;
 * `.0` when the share has no passcode.
 */
export function shareLink(origin: string, shareId: string, shareKey: Uint8Array, hasPasscode = true): string {
  checkKey(shareKey);
  const mark = hasPasscode ? '' : NO_PASSCODE_MARK;
  return `${origin.replace(/\/+$/, '')}/s#${shareId}.${toBase64(shareKey)}${mark}`;
}

/** Parses a link's fragment (with or without `#`); null when it is not a share fragment. */
export function parseShareFragment(
  fragment: string,
): { shareId: string; shareKey: Uint8Array; noPasscode: boolean } | null {
  const match = LINK_FRAGMENT.exec(fragment.replace(/^#/, ''));
  if (!match?.[1] || !match[2]) return null;
  try {
    const shareKey = fromBase64(match[2], 'shareKey');
    return shareKey.length === KEY_BYTES
      ? { shareId: match[1], shareKey, noPasscode: match[3] === NO_PASSCODE_MARK }
      : null;
  } catch {
    return null;
  }
}
