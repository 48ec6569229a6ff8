/**
 * How messaging reaches a thread (messaging.ts): the account's thread listing (which also keeps
 * the unread count), a thread's summary, its key opened from this account's wrapped copy with
 * both participants' signing keys pinned, and its messages page by page. Holds the thread keys
 * opened in this session; dropped with the messaging service on lock.
 */
import type { Identity } from '../../../shared/crypto/identity.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { unwrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import type { MessagePage, ThreadSummary } from '../../../shared/protocol/messages.ts';
import type { Server } from '../server/server.ts';
import type { MessagePins } from './message-pins.ts';
import { MessagingProblem } from './messaging-types.ts';

export interface ThreadAccessDeps {
  server(): Server;
  readonly pins: MessagePins;
  readonly identity: Identity;
  /** This account's signing key, base64url. */
  readonly ownSignPk: string;
  /** The unread count over the account's threads, at each listing. */
  setUnread(count: number): void;
}

export interface OpenedKey {
  readonly key: SymmetricKey;
  /** Each participant's pinned signing key, by account. */
  readonly pinned: Map<string, string>;
  readonly other: ThreadSummary['participants'][number];
}

export type ThreadAccess = ReturnType<typeof createThreadAccess>;

export function createThreadAccess(deps: ThreadAccessDeps) {
  const threadKeys = new Map<string, SymmetricKey>();

  // Listings overlap (the badge, a screen, a receipt): only the latest started sets the count,
  // so an answer that left before a receipt cannot bring back a count the receipt cleared.
  let listings = 0;
  async function list(): Promise<{ me: string; threads: ThreadSummary[] }> {
    const mine = ++listings;
    const answer = await deps.server().threads.list();
    if (mine === listings) {
      deps.setUnread(answer.threads.reduce((sum, t) => sum + (t.archived ? 0 : t.unread), 0));
    }
    return { me: answer.accountId, threads: answer.threads };
  }

  function otherOf(summary: ThreadSummary, account: string) {
    const other = summary.participants.find((p) => p.accountId !== account);
    if (!other) throw new MessagingProblem('not-found');
    return other;
  }

  async function summaryOf(threadId: string): Promise<{ me: string; summary: ThreadSummary }> {
    const { me: account, threads } = await list();
    const summary = threads.find((t) => t.id === threadId);
    if (!summary) throw new MessagingProblem('not-found');
    return { me: account, summary };
  }

  /** Pins both participants and opens this account's copy of the thread key. */
  async function keyOf(summary: ThreadSummary, account: string): Promise<OpenedKey> {
    const other = otherOf(summary, account);
    const pinned = new Map<string, string>([
      [account, await deps.pins.pin(account, deps.ownSignPk)],
      [other.accountId, await deps.pins.pin(other.accountId, other.signPublicKey)],
    ]);
    let key = threadKeys.get(summary.id);
    if (!key) {
      let opened: ReturnType<typeof unwrapThreadKey>;
      try {
        opened = unwrapThreadKey(summary.id, summary.key, { accountId: account, box: deps.identity.box });
      } catch {
        throw new MessagingProblem('thread-key-refused');
      }
      // Whoever wrapped it must be a participant, under the key pinned for them.
      if (pinned.get(opened.wrapper.accountId) !== opened.wrapper.signPk) {
        throw new MessagingProblem('thread-key-refused');
      }
      key = opened.key;
      threadKeys.set(summary.id, key);
    }
    return { key, pinned, other };
  }

  async function allMessages(threadId: string): Promise<MessagePage['messages']> {
    const messages: MessagePage['messages'] = [];
    let after = 0;
    // Bounded: 50 pages of 200.
    for (let page = 0; page < 50; page++) {
      const answer = await deps.server().threads.messages(threadId, after, 200);
      messages.push(...answer.messages);
      if (answer.messages.length < 200 || answer.cursor === after) break;
      after = answer.cursor;
    }
    return messages;
  }

  async function lastAt(summary: ThreadSummary): Promise<number | null> {
    if (summary.seq === 0) return null;
    const page = await deps.server().threads.messages(summary.id, summary.seq - 1, 1);
    return page.messages.at(-1)?.receivedAt ?? null;
  }

  /** A thread this device just created: its key is known without unwrapping. */
  function remember(threadId: string, key: SymmetricKey): void {
    threadKeys.set(threadId, key);
  }

  return { list, otherOf, summaryOf, keyOf, allMessages, lastAt, remember };
}
