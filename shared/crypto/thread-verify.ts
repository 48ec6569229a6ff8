/**
 * Verifying a thread as a whole (docs/architecture.md §8.5): a pure function from the messages as
 * the server served them, the thread key and the signing keys pinned per participant, to one
 * verdict per message. Nothing is thrown: the UI shows every message with what is wrong with it.
 *
 * Verdicts, first match wins:
 * - `wrong-thread`: the envelope names another thread (a server moving messages between threads);
 * - `re-attributed`: it claims a sender who is not a participant, or is signed by a participant
 *   other than the one it names (the other side, or the server, passing it off as someone else's);
 * - `key-changed`: it names a signing key other than the one pinned for its sender and does not
 *   verify with the pinned one: shown as such, never as valid, content not returned;
 * - `tampered`: bad signature, AEAD failure, bad padding, unreadable content, or content whose
 *   attachment ids differ from the authenticated list;
 * - `replayed`: a second copy of a (sender, seq) already seen, identical or not;
 * - `gap`: valid, but the sender's earlier seq numbers from `missing.from` to `missing.to` were not
 *   served before it (withheld or dropped);
 * - `out-of-order`: valid, but served after a later message of the same sender;
 * - `valid`.
 * Only messages that pass the signature and AEAD checks move the per-sender sequence state, so a
 * forged message cannot make a genuine one look replayed.
 */
import { fromBase64 } from './encoding.ts';
import type { SymmetricKey } from './symmetric-key.ts';
import {
  decryptMessageContent,
  type MessageEnvelope,
  messageSignedBy,
  signKeyFingerprint,
} from './thread-message.ts';

export const MESSAGE_VERDICTS = [
  'valid',
  'tampered',
  'wrong-thread',
  're-attributed',
  'key-changed',
  'replayed',
  'gap',
  'out-of-order',
] as const;
export type MessageVerdict = (typeof MESSAGE_VERDICTS)[number];

export interface CheckedMessage {
  readonly verdict: MessageVerdict;
  readonly envelope: MessageEnvelope;
  /** The decrypted content, for `valid`, `gap` and `out-of-order` only. */
  readonly content?: unknown;
  /** For `gap`: the sender's seq numbers that were not served before this message. */
  readonly missing?: { readonly from: number; readonly to: number };
}

export interface ThreadToVerify {
  readonly threadId: string;
  readonly key: SymmetricKey;
  /** Pinned Ed25519 public key (base64url) per participant account id. */
  readonly pinned: ReadonlyMap<string, string>;
  /** In the order the server served them. */
  readonly messages: readonly MessageEnvelope[];
}

function attachmentIdsOf(content: unknown): string[] | null {
  if (typeof content !== 'object' || content === null) return null;
  const list = (content as { attachments?: unknown }).attachments;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return null;
  const ids = list.map((a: unknown) =>
    typeof a === 'object' && a !== null ? (a as { id?: unknown }).id : null,
  );
  return ids.every((id): id is string => typeof id === 'string') ? ids : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function checkOne(
  thread: ThreadToVerify,
  keys: ReadonlyMap<string, Uint8Array>,
  e: MessageEnvelope,
): { verdict: 'ok'; content: unknown } | { verdict: MessageVerdict } {
  if (e.threadId !== thread.threadId) return { verdict: 'wrong-thread' };
  const pinned = keys.get(e.senderId);
  if (!pinned) return { verdict: 're-attributed' };
  if (!messageSignedBy(e, pinned)) {
    for (const [accountId, other] of keys) {
      if (accountId === e.senderId) continue;
      // Signed by another participant as it stands (it wrote in this sender's name), or once the
      // sender fields are put back to that participant's (the server relabelled it).
      const restored = { ...e, senderId: accountId, senderKey: signKeyFingerprint(other) };
      if (messageSignedBy(e, other) || messageSignedBy(restored, other)) return { verdict: 're-attributed' };
    }
    return { verdict: e.senderKey === signKeyFingerprint(pinned) ? 'tampered' : 'key-changed' };
  }
  // Signed by the pinned key but naming another fingerprint: the sender's own client is confused.
  if (e.senderKey !== signKeyFingerprint(pinned)) return { verdict: 'tampered' };
  try {
    const content = decryptMessageContent(e, thread.key);
    const ids = attachmentIdsOf(content);
    if (!ids || !sameList(ids, e.attachments)) return { verdict: 'tampered' };
    return { verdict: 'ok', content };
  } catch {
    return { verdict: 'tampered' };
  }
}

export function verifyThread(thread: ThreadToVerify): CheckedMessage[] {
  const keys = new Map<string, Uint8Array>();
  for (const [accountId, pk] of thread.pinned) {
    try {
      keys.set(accountId, fromBase64(pk, 'signPk'));
    } catch {
      // A malformed pinned key verifies nothing: that sender's messages come out as tampered.
    }
  }
  const seen = new Map<string, { readonly seqs: Set<number>; max: number }>();
  return thread.messages.map((envelope): CheckedMessage => {
    const checked = checkOne(thread, keys, envelope);
    if (checked.verdict !== 'ok') return { verdict: checked.verdict, envelope };
    let state = seen.get(envelope.senderId);
    if (!state) {
      state = { seqs: new Set(), max: 0 };
      seen.set(envelope.senderId, state);
    }
    const { seq } = envelope;
    if (state.seqs.has(seq)) return { verdict: 'replayed', envelope };
    state.seqs.add(seq);
    const previousMax = state.max;
    state.max = Math.max(previousMax, seq);
    const content = checked.content;
    if (seq > previousMax + 1) {
      return { verdict: 'gap', envelope, content, missing: { from: previousMax + 1, to: seq - 1 } };
    }
    if (seq < previousMax) return { verdict: 'out-of-order', envelope, content };
    return { verdict: 'valid', envelope, content };
  });
}
