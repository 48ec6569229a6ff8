/**
 * One thread as its screen shows it (docs/architecture.md §8.5): every message with its
 * `verifyThread` verdict, the text only of messages that verified, and for this account's own
 * messages the delivery state the other participant's cursors say. Pure: no server, no storage.
 */
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type MessageVerdict, verifyThread } from '../../../shared/crypto/thread-verify.ts';
import type { MessagePage, ThreadSummary } from '../../../shared/protocol/messages.ts';

export type Delivery = 'sent' | 'delivered' | 'read';

export interface ViewMessage {
  /** The server's order in the thread. */
  readonly serverSeq: number;
  readonly receivedAt: number;
  /** The sender's clock, authenticated inside the envelope. */
  readonly sentAt: number;
  readonly mine: boolean;
  readonly verdict: MessageVerdict;
  /** The text, only when the message verified (`valid`, `gap`, `out-of-order`); never otherwise. */
  readonly text: string | null;
  readonly missing?: { readonly from: number; readonly to: number };
  /** This account's own messages only. */
  readonly delivery?: Delivery;
}

const SHOWN: ReadonlySet<MessageVerdict> = new Set(['valid', 'gap', 'out-of-order']);

function textOf(content: unknown): string | null {
  if (typeof content !== 'object' || content === null) return null;
  const text = (content as { text?: unknown }).text;
  return typeof text === 'string' ? text : null;
}

export function viewMessages(options: {
  readonly summary: ThreadSummary;
  readonly me: string;
  readonly key: SymmetricKey;
  readonly pinned: ReadonlyMap<string, string>;
  readonly messages: MessagePage['messages'];
}): ViewMessage[] {
  const { summary, me, messages } = options;
  const checked = verifyThread({
    threadId: summary.id,
    key: options.key,
    pinned: options.pinned,
    messages: messages.map((m) => m.envelope),
  });
  const other = summary.participants.find((p) => p.accountId !== me);
  return checked.map((c, i) => {
    const stored = messages[i];
    if (!stored) throw new Error('verifyThread returns one verdict per message');
    const mine = c.envelope.senderId === me;
    const text = SHOWN.has(c.verdict) ? textOf(c.content) : null;
    const view: ViewMessage = {
      serverSeq: stored.seq,
      receivedAt: stored.receivedAt,
      sentAt: c.envelope.sentAt,
      mine,
      // A verified message without a text field is not what this app writes: shown as tampered.
      verdict: SHOWN.has(c.verdict) && text === null ? 'tampered' : c.verdict,
      text,
      ...(c.missing ? { missing: c.missing } : {}),
    };
    if (!mine) return view;
    const delivery: Delivery =
      other && stored.seq <= other.readSeq
        ? 'read'
        : other && stored.seq <= other.deliveredSeq
          ? 'delivered'
          : 'sent';
    return { ...view, delivery };
  });
}
