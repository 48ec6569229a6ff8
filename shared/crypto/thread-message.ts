/**
 * One message of a thread (docs/architecture.md §8.5): an envelope the server stores and relays but
 * cannot read, forge, move or re-attribute.
 *
 * Protocol, version 1:
 * - content: JSON (text, a structured request, attachment keys), padded to 256-byte blocks, then
 *   XChaCha20-Poly1305 under the thread key with a random 24-byte nonce;
 * - additional data: the JSON array `["carnet.message", v, threadId, senderId, senderKey, seq,
 *   sentAt, kind, attachments]` — the thread, the sender's account id, the fingerprint of the
 *   sender's Ed25519 key, the sender's own sequence number (1, 2, 3… per sender and thread), the
 *   sender's clock, the kind and the attachment ids, so none of them can be changed or moved to
 *   another thread without the AEAD failing;
 * - signature: Ed25519 by the sender's identity key over `["carnet.message-sig", <the same
 *   fields>, nonce, ciphertext]`, so the other participant (who also holds the thread key and
 *   could encrypt anything) cannot write in the sender's name.
 *
 * `kind` is deliberately coarse (`message` or `notice`): whether a message asks for a document is
 * inside the ciphertext, not in what the server sees.
 */
import { MESSAGE_KINDS, type MessageKind } from '../protocol/messages.ts';
import { aeadDecrypt, aeadEncrypt } from './aead.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import type { KeyPair } from './identity.ts';
import { signDetached, verifyDetached } from './signature.ts';
import { sodium } from './sodium.ts';
import type { SymmetricKey } from './symmetric-key.ts';

export const MESSAGE_VERSION = 1;
export { MESSAGE_KINDS, type MessageKind };

const PAD_BLOCK = 256;

/** What is bound (additional data) and signed besides the ciphertext. */
export interface MessageHeader {
  readonly v: number;
  readonly threadId: string;
  readonly senderId: string;
  /** Fingerprint of the sender's Ed25519 public key (`signKeyFingerprint`). */
  readonly senderKey: string;
  /** The sender's own counter in this thread: 1 for its first message, then +1 each time. */
  readonly seq: number;
  /** The sender's clock (ms since the epoch); the server's order and time are kept apart. */
  readonly sentAt: number;
  readonly kind: MessageKind;
  /** Ids of the attachments whose keys the content carries. */
  readonly attachments: readonly string[];
}

export interface MessageEnvelope extends MessageHeader {
  readonly nonce: string;
  readonly ciphertext: string;
  readonly sig: string;
}

/** A short public fingerprint of a signing key, bound into every message (22 base64url characters). */
export function signKeyFingerprint(signPublicKey: Uint8Array): string {
  const s = sodium();
  const input = new Uint8Array([...utf8('carnet.sign-key|'), ...signPublicKey]);
  return toBase64(s.crypto_generichash(16, input, null));
}

function headerFields(h: MessageHeader): unknown[] {
  return [h.v, h.threadId, h.senderId, h.senderKey, h.seq, h.sentAt, h.kind, [...h.attachments]];
}

function additionalData(h: MessageHeader): Uint8Array {
  return utf8(JSON.stringify(['carnet.message', ...headerFields(h)]));
}

function signedBytes(e: Omit<MessageEnvelope, 'sig'>): Uint8Array {
  return utf8(JSON.stringify(['carnet.message-sig', ...headerFields(e), e.nonce, e.ciphertext]));
}

export interface NewMessage {
  readonly threadId: string;
  readonly seq: number;
  readonly sentAt: number;
  readonly kind: MessageKind;
  readonly attachments: readonly string[];
  readonly content: unknown;
}

export function sealMessage(
  message: NewMessage,
  key: SymmetricKey,
  sender: { readonly accountId: string; readonly sign: KeyPair },
): MessageEnvelope {
  const header: MessageHeader = {
    v: MESSAGE_VERSION,
    threadId: message.threadId,
    senderId: sender.accountId,
    senderKey: signKeyFingerprint(sender.sign.publicKey),
    seq: message.seq,
    sentAt: message.sentAt,
    kind: message.kind,
    attachments: [...message.attachments],
  };
  const padded = sodium().pad(utf8(JSON.stringify(message.content)), PAD_BLOCK);
  const sealed = aeadEncrypt(key, padded, additionalData(header));
  const unsigned = { ...header, nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) };
  return { ...unsigned, sig: signDetached(signedBytes(unsigned), sender.sign.secretKey) };
}

/** True when `signPublicKey` signed exactly this envelope. */
export function messageSignedBy(envelope: MessageEnvelope, signPublicKey: Uint8Array): boolean {
  try {
    verifyDetached(signedBytes(envelope), envelope.sig, signPublicKey);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decrypts the content and parses its JSON. Throws `unsupported-version`, `tampered` (AEAD,
 * padding) or `invalid-input` (authenticated but not JSON). Does NOT check the signature: use
 * `verifyThread` (thread-verify.ts), which does both and says what is wrong.
 */
export function decryptMessageContent(envelope: MessageEnvelope, key: SymmetricKey): unknown {
  if (envelope.v !== MESSAGE_VERSION) {
    throw new CryptoError('unsupported-version', `message version ${envelope.v} is not supported`);
  }
  const padded = aeadDecrypt(
    key,
    { nonce: fromBase64(envelope.nonce, 'nonce'), ciphertext: fromBase64(envelope.ciphertext, 'ciphertext') },
    additionalData(envelope),
  );
  let bytes: Uint8Array;
  try {
    bytes = sodium().unpad(padded, PAD_BLOCK);
  } catch {
    throw new CryptoError('tampered', 'message padding is invalid');
  }
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new CryptoError('invalid-input', 'message content is not valid JSON');
  }
}
