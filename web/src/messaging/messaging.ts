/**
 * Messaging as a service (docs/architecture.md §2.2, §8.5): made by the app store when the vault
 * unlocks, dropped on lock with the thread keys it opened. It seals and signs what the account
 * writes (shared/crypto thread-key and thread-message), checks what it reads with `verifyThread`,
 * pins each participant's signing key on first sight (thread-access.ts), and follows the live
 * stream's `message` events. Screens in features/messages call it; they hold no keys and no crypto.
 *
 * Offline: a message the server cannot take now (no connection, no answer in time) goes to the
 * outbox (outbox-sender.ts), sealed on this device, shown as waiting to send, and is sent in order
 * at the next reconnection of the live stream (or the next listing that reaches the server). A
 * message the server refuses for another reason (blocked, limits) stays there with the reason,
 * until the writer discards it: nothing is lost, nothing is sent late without the writer seeing it.
 */
import { createSignal } from 'solid-js';
import type { AttachmentRef } from '../../../shared/crypto/attachment.ts';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import { generateThreadKey, wrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import { sealMessage } from '../../../shared/crypto/thread-message.ts';
import { messageEnvelopeSchema, wrappedThreadKeySchema } from '../../../shared/protocol/messages.ts';
import type { Server } from '../server/server.ts';
import { ServerError } from '../server/server-error.ts';
import { AttachmentTampered, downloadAttachment, uploadAttachment } from './attachment-transfer.ts';
import type { MessageContent } from './message-content.ts';
import { MessagePins } from './message-pins.ts';
import { type Messaging, type MessagingDeps, MessagingProblem, type ThreadItem } from './messaging-types.ts';
import { type Draft, Outbox } from './outbox.ts';
import { createOutboxSender, unreachable } from './outbox-sender.ts';
import { createThreadAccess } from './thread-access.ts';
import { viewMessages } from './thread-view.ts';

export type {
  Correspondent,
  Messaging,
  MessagingDeps,
  MessagingProblemReason,
  NewDraft,
  OpenedThread,
  ThreadItem,
  WaitingMessage,
} from './messaging-types.ts';
export { MessagingProblem } from './messaging-types.ts';

function fingerprintOf(signPk: string): string {
  return signKeyFingerprint(signPk) ?? '?';
}

export function createMessaging(deps: MessagingDeps): Messaging {
  const [changes, setChanges] = createSignal(0);
  const [unread, setUnread] = createSignal(0);
  const bump = () => setChanges((n) => n + 1);
  const identity = deps.keys.identity;
  const ownSignPk = toBase64(identity.sign.publicKey);
  const pins = new MessagePins(deps.keys.vaultKey, deps.storage);

  const server = (): Server => {
    const current = deps.server();
    if (!current) throw new MessagingProblem('sync-off');
    return current;
  };
  const threads = createThreadAccess({ server, pins, identity, ownSignPk, setUnread });

  async function sendNow(threadId: string, draft: Draft, retry = true): Promise<void> {
    const { me: account, summary } = await threads.summaryOf(threadId);
    const { key } = await threads.keyOf(summary, account);
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
    const served = await threads.allMessages(threadId);
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

  let memory: string | null = null;
  const sender = createOutboxSender({
    store: new Outbox(
      deps.keys.vaultKey,
      deps.outboxStorage ?? {
        read: async () => memory,
        write: async (value) => {
          memory = value;
        },
      },
    ),
    sendNow: (threadId, draft) => sendNow(threadId, draft),
    changed: bump,
    now: deps.now,
  });
  const flush = sender.flush;

  const unsubscribe = deps.onMessage((event) => {
    bump();
    // A reconnection of the live stream: the server answers again, so the outbox can go.
    if (event === null) void flush().catch(() => undefined);
  });

  const sendDraft: Messaging['sendDraft'] = async (threadId, given) => {
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
    // Written after messages still waiting: it waits behind them, so the order holds.
    if (await sender.waits(threadId)) {
      const answer = await sender.queue(threadId, draft);
      void flush().catch(() => undefined);
      return answer;
    }
    try {
      await sendNow(threadId, draft);
      return 'sent';
    } catch (error) {
      if (unreachable(error)) return sender.queue(threadId, draft);
      throw error;
    }
  };

  return {
    changes,
    unread,
    async refreshUnread() {
      await threads.list();
      if (sender.outbox().length > 0) void flush().catch(() => undefined);
    },
    directory: (query) => server().directory.search(query),
    async threads() {
      const { me: account, threads: listed } = await threads.list();
      const items: ThreadItem[] = [];
      for (const t of listed) {
        const other = threads.otherOf(t, account);
        items.push({
          id: t.id,
          other: { accountId: other.accountId, name: other.name, role: other.role },
          unread: t.unread,
          lastAt: await threads.lastAt(t),
          archived: t.archived,
        });
      }
      return items.sort((a, b) => (b.lastAt ?? 0) - (a.lastAt ?? 0));
    },
    async startThread(entry) {
      const { me: account, threads: listed } = await threads.list();
      const existing = listed.find((t) => t.participants.some((p) => p.accountId === entry.accountId));
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
      threads.remember(id, key);
      bump();
      return id;
    },
    async open(threadId) {
      const { me: account, summary } = await threads.summaryOf(threadId);
      const { key, pinned, other } = await threads.keyOf(summary, account);
      const messages = viewMessages({
        summary,
        me: account,
        key,
        pinned,
        messages: await threads.allMessages(threadId),
      });
      if (summary.seq > 0 && summary.unread > 0) {
        await server().threads.receipts(threadId, { delivered: summary.seq, read: summary.seq });
        setUnread((n) => Math.max(0, n - summary.unread));
        // Counted again after the receipt, overriding any listing still on its way.
        await threads.list().catch(() => undefined);
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
    outbox: sender.outbox,
    flush,
    discard: sender.discard,
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
      sender.dispose();
      unsubscribe();
    },
  };
}
