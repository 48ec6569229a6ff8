/**
 * One thread as its screen shows it (docs/architecture.md §8.5): every message with its
 * `verifyThread` verdict, the text only of messages that verified, and for this account's own
 * messages the delivery state the other participant's cursors say. Pure: no server, no storage.
 */
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type MessageVerdict, verifyThread } from '../../../shared/crypto/thread-verify.ts';
import type { MessagePage, ThreadSummary } from '../../../shared/protocol/messages.ts';
import {
  type AttachmentRefContent,
  type MessageContent,
  type MessageRequest,
  parseContent,
} from './message-content.ts';

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
  /** The family profile the message is written for, when the patient said. */
  readonly for?: string;
  /** A practitioner's structured request, and whether a later message of the other side answers it. */
  readonly request?: MessageRequest & { readonly answered: boolean };
  /** The request this message answers. */
  readonly answers?: string;
  readonly attachments: readonly AttachmentRefContent[];
}

const SHOWN: ReadonlySet<MessageVerdict> = new Set(['valid', 'gap', 'out-of-order']);

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
  const contents = checked.map((c) =>
    SHOWN.has(c.verdict) ? parseContent(c.content, c.envelope.attachments) : null,
  );
  // Answers count only from the other side of the request, in verified messages.
  const answered = new Set<string>();
  contents.forEach((content, i) => {
    const sender = checked[i]?.envelope.senderId;
    if (content?.answers && sender) answered.add(`${sender}|${content.answers}`);
  });
  return checked.map((c, i) => {
    const stored = messages[i];
    if (!stored) throw new Error('verifyThread returns one verdict per message');
    const mine = c.envelope.senderId === me;
    const content: MessageContent | null = contents[i] ?? null;
    const text = content ? content.text : null;
    const answeredBy = summary.participants.find((p) => p.accountId !== c.envelope.senderId)?.accountId;
    const view: ViewMessage = {
      serverSeq: stored.seq,
      receivedAt: stored.receivedAt,
      sentAt: c.envelope.sentAt,
      mine,
      // A verified message whose content is not what this app writes: shown as tampered.
      verdict: SHOWN.has(c.verdict) && text === null ? 'tampered' : c.verdict,
      text,
      ...(c.missing ? { missing: c.missing } : {}),
      ...(content?.for ? { for: content.for } : {}),
      ...(content?.request
        ? {
            request: {
              ...content.request,
              answered: answered.has(`${answeredBy}|${content.request.id}`),
            },
          }
        : {}),
      ...(content?.answers ? { answers: content.answers } : {}),
      attachments: content?.attachments ?? [],
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
