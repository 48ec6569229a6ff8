/**
 * Thread keys for patient–practitioner messaging (docs/architecture.md §8.5).
 *
 * Protocol: a thread has one random 32-byte key, drawn by whoever opens the thread. It is wrapped
 * for each participant (the opener included) with `crypto_box` (X25519 + XSalsa20-Poly1305): the
 * recipient's box public key and the WRAPPER's box secret key, so opening the box proves the wrap
 * came from the holder of `wrapperBoxPk`. The wrapper then signs, with its Ed25519 identity key,
 * the JSON array `["carnet.thread-key", v, threadId, recipientAccountId, recipientBoxPk,
 * wrapperAccountId, wrapperBoxPk, nonce, ciphertext]`, which ties the box key to the signing key
 * and the wrap to one thread and one recipient.
 *
 * Invariants: a wrap opened for another thread or another recipient is refused (`tampered`); a
 * wrap whose signature does not verify with the wrapper's signing key is refused
 * (`bad-signature`). The caller compares `wrapperSignPk` with the key it has pinned for that
 * account: this module says who wrapped, not whether that key is the one the user expects.
 */
import { fromBase64, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import type { KeyPair } from './identity.ts';
import { signDetached, verifyDetached } from './signature.ts';
import { sodium } from './sodium.ts';
import { generateKey, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const THREAD_KEY_VERSION = 1;

/** One participant's copy of the thread key, as stored and relayed by the server. */
export interface WrappedThreadKey {
  readonly v: number;
  readonly recipientAccountId: string;
  readonly recipientBoxPk: string;
  readonly wrapperAccountId: string;
  readonly wrapperBoxPk: string;
  readonly wrapperSignPk: string;
  readonly nonce: string;
  readonly ciphertext: string;
  readonly sig: string;
}

/** The account that wraps: its id and identity key pairs. */
export interface ThreadMember {
  readonly accountId: string;
  readonly box: KeyPair;
  readonly sign: KeyPair;
}

export interface ThreadRecipient {
  readonly accountId: string;
  readonly boxPublicKey: Uint8Array;
}

export function generateThreadKey(): SymmetricKey {
  return generateKey();
}

function signedBytes(threadId: string, w: Omit<WrappedThreadKey, 'sig' | 'wrapperSignPk'>): Uint8Array {
  // A JSON array is an unambiguous encoding: no choice of field values can collide with another.
  return utf8(
    JSON.stringify([
      'carnet.thread-key',
      w.v,
      threadId,
      w.recipientAccountId,
      w.recipientBoxPk,
      w.wrapperAccountId,
      w.wrapperBoxPk,
      w.nonce,
      w.ciphertext,
    ]),
  );
}

export function wrapThreadKey(
  threadId: string,
  key: SymmetricKey,
  recipient: ThreadRecipient,
  wrapper: ThreadMember,
): WrappedThreadKey {
  const s = sodium();
  const nonce = s.randombytes_buf(s.crypto_box_NONCEBYTES);
  const ciphertext = s.crypto_box_easy(key.bytes, nonce, recipient.boxPublicKey, wrapper.box.secretKey);
  const unsigned = {
    v: THREAD_KEY_VERSION,
    recipientAccountId: recipient.accountId,
    recipientBoxPk: toBase64(recipient.boxPublicKey),
    wrapperAccountId: wrapper.accountId,
    wrapperBoxPk: toBase64(wrapper.box.publicKey),
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
  };
  return {
    ...unsigned,
    wrapperSignPk: toBase64(wrapper.sign.publicKey),
    sig: signDetached(signedBytes(threadId, unsigned), wrapper.sign.secretKey),
  };
}

export interface OpenedThreadKey {
  readonly key: SymmetricKey;
  /** Who wrapped it: compare `signPk` with the key pinned for `accountId`. */
  readonly wrapper: { readonly accountId: string; readonly signPk: string };
}

/**
 * Opens this account's copy. Throws `invalid-input` for an unknown version, `tampered` when the
 * wrap names another recipient or does not open, `bad-signature` when the wrapper's signature
 * does not cover this thread, recipient and ciphertext.
 */
export function unwrapThreadKey(
  threadId: string,
  wrapped: WrappedThreadKey,
  me: { readonly accountId: string; readonly box: KeyPair },
): OpenedThreadKey {
  if (wrapped.v !== THREAD_KEY_VERSION) {
    throw new CryptoError('unsupported-version', `thread key wrap version ${wrapped.v} is not supported`);
  }
  const myBoxPk = toBase64(me.box.publicKey);
  if (wrapped.recipientAccountId !== me.accountId || wrapped.recipientBoxPk !== myBoxPk) {
    throw new CryptoError('tampered', 'this thread key was wrapped for someone else');
  }
  verifyDetached(signedBytes(threadId, wrapped), wrapped.sig, fromBase64(wrapped.wrapperSignPk, 'signPk'));
  let bytes: Uint8Array;
  try {
    bytes = sodium().crypto_box_open_easy(
      fromBase64(wrapped.ciphertext, 'ciphertext'),
      fromBase64(wrapped.nonce, 'nonce'),
      fromBase64(wrapped.wrapperBoxPk, 'wrapperBoxPk'),
      me.box.secretKey,
    );
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('tampered', 'the thread key does not open with these keys');
  }
  return {
    key: symmetricKey(bytes),
    wrapper: { accountId: wrapped.wrapperAccountId, signPk: wrapped.wrapperSignPk },
  };
}
