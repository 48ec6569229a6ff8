/**
 * Messaging as a service (docs/architecture.md §2.2, §8.5): made by the app store when the vault
 * unlocks, dropped on lock with the thread keys it opened. It seals and signs what the account
 * writes (shared/crypto thread-key and thread-message), checks what it reads with `verifyThread`,
 * pins each participant's signing key on first sight, and follows the live stream's `message`
 * events. Screens in features/messages call it; they hold no keys and no crypto.
 *
 * Offline: a message the server cannot take now (no connection, no answer in time) goes to the
 * outbox (outbox.ts), sealed on this device, shown as waiting to send, and is sent in order at the
 * next reconnection of the live stream (or the next listing that reaches the server). A message
 * the server refuses for another reason (blocked, limits) stays there with the reason, until the
 * writer discards it: nothing is lost, nothing is sent late without the writer seeing it.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { AttachmentRef } from '../../../shared/crypto/attachment.ts';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { generateThreadKey, unwrapThreadKey, wrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import { sealMessage } from '../../../shared/crypto/thread-message.ts';
import type {
  DirectoryEntry,
  DirectoryQuery,
  DirectoryResponse,
} from '../../../shared/protocol/directory.ts';
import {
  type MessageEvent,
  type MessagePage,
  messageEnvelopeSchema,
  type ParticipantRole,
  type ThreadSummary,
  wrappedThreadKeySchema,
} from '../../../shared/protocol/messages.ts';
import type { Server } from '../server/server.ts';
import { isServerError, ServerError } from '../server/server-error.ts';
import {
  AttachmentTampered,
  downloadAttachment,
  type OutgoingFile,
  uploadAttachment,
} from './attachment-transfer.ts';
import type { MessageContent } from './message-content.ts';
import { MessagePins, type SealedStateStorage } from './message-pins.ts';
import { type Draft, Outbox, type QueuedMessage } from './outbox.ts';
import { type ViewMessage, viewMessages } from './thread-view.ts';

export type MessagingProblemReason = 'sync-off' | 'thread-key-refused' | 'not-found' | 'attachment-tampered';

/** What the writer gives: a draft whose files are bytes (read from the record or a file picker). */
export type NewDraft = Omit<Draft, 'files'> & { readonly files?: readonly OutgoingFile[] };

/** A message in the outbox, and why the server refused it when it did for another reason than offline. */
export interface WaitingMessage extends QueuedMessage {
  readonly refused: string | null;
}

export class MessagingProblem extends Error {
  override readonly name = 'MessagingProblem';
  constructor(readonly reason: MessagingProblemReason) {
    super(reason);
  }
}

export interface MessagingDeps {
  server(): Server | null;
  readonly keys: { readonly vaultKey: SymmetricKey; readonly identity: Identity };
  readonly storage: SealedStateStorage;
  /** Where the outbox is kept, sealed; in memory only when absent (tests). */
  readonly outboxStorage?: SealedStateStorage;
  /** Live `message` events, and `null` at each reconnection of the stream; returns the unsubscribe. */
  onMessage(listener: (event: MessageEvent | null) => void): () => void;
  now(): number;
}

export interface Correspondent {
  readonly accountId: string;
  /** A practitioner's self-declared name; null for a patient. */
  readonly name: string | null;
  readonly role: ParticipantRole;
}

export interface ThreadItem {
  readonly id: string;
  readonly other: Correspondent;
  readonly unread: number;
  /** When the server received the thread's last message; null for an empty thread. */
  readonly lastAt: number | null;
  readonly archived: boolean;
}

export interface OpenedThread {
  readonly id: string;
  readonly archived: boolean;
  /** This account blocks the other participant. */
  readonly blocked: boolean;
  readonly myRole: ParticipantRole;
  readonly other: Correspondent & {
    /** The fingerprint of the signing key pinned for them (what to compare with them). */
    readonly fingerprint: string;
    /** They publish another key than the one pinned: their new messages show `key-changed`. */
    readonly keyChanged: boolean;
  };
  readonly ownFingerprint: string;
  readonly messages: readonly ViewMessage[];
}

export interface Messaging {
  /** Bumped by every live `message` event and every send: screens refetch when it moves. */
  readonly changes: Accessor<number>;
  /** Total unread over the account's threads, as last listed. */
  readonly unread: Accessor<number>;
  /** Lists the threads again for the unread count only (the shell's badge). */
  refreshUnread(): Promise<void>;
  directory(query: DirectoryQuery): Promise<DirectoryResponse>;
  threads(): Promise<ThreadItem[]>;
  /** The thread with this practitioner, opened if there is none yet; its id. */
  startThread(with_: DirectoryEntry): Promise<string>;
  open(threadId: string): Promise<OpenedThread>;
  /** Sends now, or keeps it in the outbox when the server cannot be reached ('queued'). */
  send(threadId: string, text: string): Promise<'sent' | 'queued'>;
  /** The same with a request, an answer, the profile written for, files. */
  sendDraft(threadId: string, draft: NewDraft): Promise<'sent' | 'queued'>;
  /** Messages kept on this device until the server takes them, in the order written. */
  readonly outbox: Accessor<readonly WaitingMessage[]>;
  /** Sends what the outbox holds, in order; stops at the first that cannot reach the server. */
  flush(): Promise<void>;
  /** Drops a waiting message (one the server refused). */
  discard(id: string): Promise<void>;
  /** The attachment's bytes, its checksum verified (`attachment-tampered` otherwise). */
  download(threadId: string, ref: AttachmentRef): Promise<Uint8Array>;
  archive(threadId: string, archived: boolean): Promise<void>;
  /** The accounts this account refuses messages from. */
  blocked(): Promise<readonly string[]>;
  block(accountId: string): Promise<void>;
  unblock(accountId: string): Promise<void>;
  /** Stops following the live stream (on lock). */
  dispose(): void;
}

/** How often the outbox is tried again while messages wait. */
const RETRY_MS = 10_000;

function fingerprintOf(signPk: string): string {
  return signKeyFingerprint(signPk) ?? '?';
}

export function createMessaging(deps: MessagingDeps): Messaging {
  const [changes, setChanges] = createSignal(0);
  const [unread, setUnread] = createSignal(0);
  const bump = () => setChanges((n) => n + 1);
  const unsubscribe = deps.onMessage((event) => {
    bump();
    // A reconnection of the live stream: the server answers again, so the outbox can go.
    if (event === null) void flush().catch(() => undefined);
  });
  const pins = new MessagePins(deps.keys.vaultKey, deps.storage);
  let memory: string | null = null;
  const outboxStore = new Outbox(
    deps.keys.vaultKey,
    deps.outboxStorage ?? {
      read: async () => memory,
      write: async (value) => {
        memory = value;
      },
    },
  );
  const [outbox, setOutbox] = createSignal<readonly WaitingMessage[]>([]);
  const refusals = new Map<string, string>();
  async function showOutbox(): Promise<void> {
    const items = await outboxStore.list();
    setOutbox(items.map((item) => ({ ...item, refused: refusals.get(item.id) ?? null })));
  }
  const threadKeys = new Map<string, SymmetricKey>();
  const identity = deps.keys.identity;
  const ownSignPk = toBase64(identity.sign.publicKey);

  const server = (): Server => {
    const current = deps.server();
    if (!current) throw new MessagingProblem('sync-off');
    return current;
  };

  // Listings overlap (the badge, a screen, a receipt): only the latest started sets the count,
  // so an answer that left before a receipt cannot bring back a count the receipt cleared.
  let listings = 0;
  async function list(): Promise<{ me: string; threads: ThreadSummary[] }> {
    const mine = ++listings;
    const answer = await server().threads.list();
    if (mine === listings) {
      setUnread(answer.threads.reduce((sum, t) => sum + (t.archived ? 0 : t.unread), 0));
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
  async function keyOf(summary: ThreadSummary, account: string) {
    const other = otherOf(summary, account);
    const pinned = new Map<string, string>([
      [account, await pins.pin(account, ownSignPk)],
      [other.accountId, await pins.pin(other.accountId, other.signPublicKey)],
    ]);
    let key = threadKeys.get(summary.id);
    if (!key) {
      let opened: ReturnType<typeof unwrapThreadKey>;
      try {
        opened = unwrapThreadKey(summary.id, summary.key, { accountId: account, box: identity.box });
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
      const answer = await server().threads.messages(threadId, after, 200);
      messages.push(...answer.messages);
      if (answer.messages.length < 200 || answer.cursor === after) break;
      after = answer.cursor;
    }
    return messages;
  }

  async function lastAt(summary: ThreadSummary): Promise<number | null> {
    if (summary.seq === 0) return null;
    const page = await server().threads.messages(summary.id, summary.seq - 1, 1);
    return page.messages.at(-1)?.receivedAt ?? null;
  }

  async function sendNow(threadId: string, draft: Draft, retry = true): Promise<void> {
    const { me: account, summary } = await summaryOf(threadId);
    const { key } = await keyOf(summary, account);
    const refs: AttachmentRef[] = [];
    for (const file of draft.files ?? []) {
      refs.push(
        await uploadAttachment(server(), threadId, {
          name: file.name,
          mediaType: file.mediaType,
          bytes: fromBase64(file.data, 'file'),
        }),
      );
    }
    const content: MessageContent = {
      text: draft.text,
      ...(draft.for ? { for: draft.for } : {}),
      ...(draft.request ? { request: draft.request } : {}),
      ...(draft.answers ? { answers: draft.answers } : {}),
      ...(refs.length > 0 ? { attachments: refs } : {}),
    };
    const served = await allMessages(threadId);
    const seq =
      1 + Math.max(0, ...served.filter((m) => m.envelope.senderId === account).map((m) => m.envelope.seq));
    const envelope = sealMessage(
      { threadId, seq, sentAt: deps.now(), kind: 'message', attachments: refs.map((r) => r.id), content },
      key,
      { accountId: account, sign: identity.sign },
    );
    try {
      await server().threads.post(threadId, messageEnvelopeSchema.parse(envelope));
    } catch (error) {
      // Another device of this account took the seq meanwhile: count again, once.
      if (retry && error instanceof ServerError && error.reason === 'seq-taken')
        return sendNow(threadId, draft, false);
      throw error;
    }
    bump();
  }

  /** No connection, or no answer in time: the server may take it later. */
  const unreachable = (error: unknown) => isServerError(error, 'offline') || isServerError(error, 'timeout');

  let flushing: Promise<void> | null = null;
  let again = false;
  /** One pass over the outbox; false when the server could not be reached. */
  async function flushOnce(): Promise<boolean> {
    for (const item of await outboxStore.list()) {
      try {
        await sendNow(item.threadId, item.draft);
      } catch (error) {
        if (unreachable(error) || error instanceof MessagingProblem) return false;
        // Refused (blocked, limits): shown with its reason, tried again at the next pass.
        refusals.set(item.id, isServerError(error) ? error.reason : 'refused');
        await showOutbox();
        continue;
      }
      refusals.delete(item.id);
      await outboxStore.remove(item.id);
      await showOutbox();
    }
    return true;
  }
  // While something waits, the outbox is tried again every RETRY_MS as well: a reconnection of
  // the stream is not always noticed (an emulated or flaky network keeps the old stream).
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  function scheduleRetry(): void {
    if (retry !== null || disposed) return;
    retry = setTimeout(() => {
      retry = null;
      void flush().catch(() => undefined);
    }, RETRY_MS);
  }
  function flush(): Promise<void> {
    if (flushing) {
      // Something was added while a pass runs: one more pass after it.
      again = true;
      return flushing;
    }
    flushing = (async () => {
      try {
        // Bounded: a pass per addition during the previous one, at most 10.
        for (let pass = 0; pass < 10; pass++) {
          again = false;
          if (!(await flushOnce()) || !again) break;
        }
      } finally {
        flushing = null;
        if ((await outboxStore.list()).length > 0) scheduleRetry();
      }
    })();
    return flushing;
  }

  async function sendDraft(threadId: string, given: NewDraft): Promise<'sent' | 'queued'> {
    server();
    const { files, ...rest } = given;
    const draft: Draft = {
      ...rest,
      ...(files
        ? {
            files: files.map((f) => ({
              name: f.name,
              mediaType: f.mediaType || 'application/octet-stream',
              data: toBase64(f.bytes),
            })),
          }
        : {}),
    };
    const queue = async () => {
      await outboxStore.add({ id: randomId(), threadId, writtenAt: deps.now(), draft });
      await showOutbox();
      scheduleRetry();
      bump();
      return 'queued' as const;
    };
    // Written after messages still waiting: it waits behind them, so the order holds.
    if ((await outboxStore.list()).some((item) => item.threadId === threadId)) {
      const answer = await queue();
      void flush().catch(() => undefined);
      return answer;
    }
    try {
      await sendNow(threadId, draft);
      return 'sent';
    } catch (error) {
      if (unreachable(error)) return queue();
      throw error;
    }
  }

  // Messages left waiting by an earlier session go as soon as the server answers.
  void showOutbox()
    .then(() => (outbox().length > 0 ? flush() : undefined))
    .catch(() => undefined);

  return {
    changes,
    unread,
    async refreshUnread() {
      await list();
      if (outbox().length > 0) void flush().catch(() => undefined);
    },
    directory: (query) => server().directory.search(query),
    async threads() {
      const { me: account, threads } = await list();
      const items: ThreadItem[] = [];
      for (const t of threads) {
        const other = otherOf(t, account);
        items.push({
          id: t.id,
          other: { accountId: other.accountId, name: other.name, role: other.role },
          unread: t.unread,
          lastAt: await lastAt(t),
          archived: t.archived,
        });
      }
      return items.sort((a, b) => (b.lastAt ?? 0) - (a.lastAt ?? 0));
    },
    async startThread(entry) {
      const { me: account, threads } = await list();
      const existing = threads.find((t) => t.participants.some((p) => p.accountId === entry.accountId));
      if (existing) return existing.id;
      // First sight of this practitioner: the key the directory shows is the one pinned.
      await pins.pin(entry.accountId, entry.signPublicKey);
      const id = randomId();
      const key = generateThreadKey();
      const wrapper = { accountId: account, box: identity.box, sign: identity.sign };
      const keys = [
        wrapThreadKey(id, key, { accountId: account, boxPublicKey: identity.box.publicKey }, wrapper),
        wrapThreadKey(
          id,
          key,
          { accountId: entry.accountId, boxPublicKey: fromBase64(entry.boxPublicKey, 'boxPublicKey') },
          wrapper,
        ),
      ];
      await server().threads.create({
        id,
        with: entry.accountId,
        keys: keys.map((k) => wrappedThreadKeySchema.parse(k)),
      });
      threadKeys.set(id, key);
      bump();
      return id;
    },
    async open(threadId) {
      const { me: account, summary } = await summaryOf(threadId);
      const { key, pinned, other } = await keyOf(summary, account);
      const messages = viewMessages({
        summary,
        me: account,
        key,
        pinned,
        messages: await allMessages(threadId),
      });
      if (summary.seq > 0 && summary.unread > 0) {
        await server().threads.receipts(threadId, { delivered: summary.seq, read: summary.seq });
        setUnread((n) => Math.max(0, n - summary.unread));
        // Counted again after the receipt, overriding any listing still on its way.
        await list().catch(() => undefined);
      }
      const pinnedKey = pinned.get(other.accountId) ?? other.signPublicKey;
      const blocked = await server().threads.blocked();
      const myRole = summary.participants.find((p) => p.accountId === account)?.role ?? 'patient';
      return {
        id: threadId,
        archived: summary.archived,
        blocked: blocked.blocked.includes(other.accountId),
        myRole,
        other: {
          accountId: other.accountId,
          name: other.name,
          role: other.role,
          fingerprint: fingerprintOf(pinnedKey),
          keyChanged: pinnedKey !== other.signPublicKey,
        },
        ownFingerprint: fingerprintOf(ownSignPk),
        messages,
      };
    },
    send: (threadId, text) => sendDraft(threadId, { text }),
    sendDraft,
    outbox,
    flush,
    async discard(id) {
      await outboxStore.remove(id);
      refusals.delete(id);
      await showOutbox();
    },
    async download(threadId, ref) {
      try {
        return await downloadAttachment(server(), threadId, ref);
      } catch (error) {
        if (error instanceof AttachmentTampered) throw new MessagingProblem('attachment-tampered');
        throw error;
      }
    },
    async archive(threadId, archived) {
      await server().threads.archive(threadId, archived);
      bump();
    },
    async blocked() {
      return (await server().threads.blocked()).blocked;
    },
    async block(accountId) {
      await server().threads.block(accountId);
      bump();
    },
    async unblock(accountId) {
      await server().threads.unblock(accountId);
      bump();
    },
    dispose() {
      disposed = true;
      if (retry !== null) clearTimeout(retry);
      unsubscribe();
    },
  };
}
