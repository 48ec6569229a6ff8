/**
 * `/api/threads`: end-to-end-encrypted messaging between a patient and a practitioner
 * (docs/architecture.md §8.5; messages in shared/protocol/messages.ts; who may write to whom in
 * thread-access.ts). The server stores wrapped keys, signed envelopes and chunk ciphertexts; it
 * numbers each thread's messages (`seq`, the cursor) and never interprets content.
 *
 * Every route needs a session; a thread the caller does not take part in answers 404. Limits per
 * account: `THREADS_PER_HOUR` threads opened, `MESSAGES_PER_MINUTE` posts (429 `message-rate`),
 * `PENDING_BYTES_MAX` bytes not yet delivered (429 `pending-quota`).
 */
import { Hono } from 'hono';
import {
  archiveRequestSchema,
  createThreadRequestSchema,
  MESSAGE_CIPHERTEXT_MAX,
  MESSAGES_PER_MINUTE,
  type MessagePage,
  messageEnvelopeSchema,
  messagesQuerySchema,
  type PostMessageResponse,
  receiptRequestSchema,
  THREADS_PER_HOUR,
  type ThreadList,
} from '../../../shared/protocol/messages.ts';
import { ApiError } from '../http/errors.ts';
import { describeIssues, jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';
import {
  accountLimiter,
  identityOf,
  participantThread,
  requireNotBlocked,
  requirePendingRoom,
  rolesForNewThread,
  threadIdParam,
} from './thread-access.ts';
import { threadAttachmentRoutes } from './thread-attachments.ts';
import { threadBlockRoutes } from './thread-blocks.ts';
import { summarizer } from './thread-summary.ts';

export function threadRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const threadLimit = accountLimiter(THREADS_PER_HOUR, 3_600_000);
  const messageLimit = accountLimiter(MESSAGES_PER_MINUTE, 60_000);

  return (
    new Hono()
      .use(requireSession(store, now))
      // Before `/:id`: "blocks" is never a thread id (22 characters), but the order makes it certain.
      .route('/blocks', threadBlockRoutes(deps))
      .get('/', async (c) => {
        const { accountId } = c.get('session');
        const summarize = summarizer(store);
        const threads = await store.listThreads(accountId);
        const summaries = [];
        for (const t of threads) summaries.push(await summarize(t, accountId));
        return c.json<ThreadList>({ accountId, threads: summaries });
      })
      .post('/', jsonBody(createThreadRequestSchema), async (c) => {
        const me = c.get('session').accountId;
        const body = c.get('body');
        if (body.with === me) throw new ApiError(400, 'bad-request', 'A thread needs another participant');
        const at = now();
        const roles = await rolesForNewThread(store, me, body.with, at);
        const mine = await identityOf(store, me);
        const theirs = await identityOf(store, body.with);
        const expected = new Map([
          [me, mine?.boxPublicKey],
          [body.with, theirs?.boxPublicKey],
        ]);
        const wrapsRight =
          new Set(body.keys.map((k) => k.recipientAccountId)).size === 2 &&
          body.keys.every(
            (k) =>
              expected.get(k.recipientAccountId) === k.recipientBoxPk &&
              k.wrapperAccountId === me &&
              k.wrapperBoxPk === mine?.boxPublicKey &&
              k.wrapperSignPk === mine?.signPublicKey,
          );
        if (!wrapsRight) {
          throw new ApiError(
            400,
            'bad-request',
            "keys: wrap the thread key with your published keys, once for you and once for the other participant's published box key",
          );
        }
        const existing = await store.getThread(body.id);
        if (existing) {
          // A retried creation (the answer was lost) gets the thread; anything else is a taken id.
          if (existing.createdBy === me && existing.participants.some((p) => p.accountId === body.with)) {
            return c.json(await summarizer(store)(existing, me), 200);
          }
          throw new ApiError(409, 'conflict', 'This thread id is taken: draw another');
        }
        threadLimit(me, at, 'rate-limited', 'Too many new threads');
        const outcome = await store.createThread({
          id: body.id,
          createdBy: me,
          createdAt: at,
          participants: body.keys.map((k) => ({
            accountId: k.recipientAccountId,
            role: k.recipientAccountId === me ? roles.opener : roles.other,
            wrappedKeyJson: JSON.stringify(k),
          })),
        });
        if (outcome === 'id-taken')
          throw new ApiError(409, 'conflict', 'This thread id is taken: draw another');
        const created = await participantThread(store, body.id, me);
        return c.json(await summarizer(store)(created, me), 201);
      })
      .all('/', methodNotAllowed('GET', 'POST'))
      .post('/:id/archive', jsonBody(archiveRequestSchema), async (c) => {
        const me = c.get('session').accountId;
        const thread = await participantThread(store, threadIdParam(c), me);
        await store.setArchived(thread.id, me, c.get('body').archived);
        return c.body(null, 204);
      })
      .all('/:id/archive', methodNotAllowed('POST'))
      .post('/:id/receipts', jsonBody(receiptRequestSchema), async (c) => {
        const me = c.get('session').accountId;
        const thread = await participantThread(store, threadIdParam(c), me);
        const { delivered, read } = c.get('body');
        // What was read was delivered.
        await store.moveCursors(thread.id, me, Math.max(delivered ?? 0, read ?? 0), read);
        return c.body(null, 204);
      })
      .all('/:id/receipts', methodNotAllowed('POST'))
      .get('/:id/messages', async (c) => {
        const me = c.get('session').accountId;
        const thread = await participantThread(store, threadIdParam(c), me);
        const query = messagesQuerySchema.safeParse(c.req.query());
        if (!query.success) throw new ApiError(400, 'bad-request', describeIssues(query.error));
        const { after, limit } = query.data;
        const messages = await store.listMessages(thread.id, after, limit);
        return c.json<MessagePage>({
          messages: messages.map((m) => ({
            seq: m.seq,
            receivedAt: m.receivedAt,
            envelope: JSON.parse(m.envelopeJson),
          })),
          cursor: messages.at(-1)?.seq ?? after,
        });
      })
      .post('/:id/messages', jsonBody(messageEnvelopeSchema, MESSAGE_CIPHERTEXT_MAX + 8 * KIB), async (c) => {
        const me = c.get('session').accountId;
        const thread = await participantThread(store, threadIdParam(c), me);
        const envelope = c.get('body');
        if (envelope.threadId !== thread.id) {
          throw new ApiError(400, 'bad-request', 'threadId: the envelope names another thread');
        }
        if (envelope.senderId !== me)
          throw new ApiError(403, 'forbidden', 'senderId: you can post only as yourself');
        await requireNotBlocked(store, thread, me);
        const at = now();
        messageLimit(me, at, 'message-rate', `At most ${MESSAGES_PER_MINUTE} messages a minute`);
        for (const attachmentId of envelope.attachments) {
          const found = await store.getAttachment(thread.id, attachmentId);
          if (!found || found.uploaderId !== me || found.uploaded !== found.chunkCount) {
            throw new ApiError(409, 'attachment-incomplete', 'Upload every chunk of each attachment first');
          }
        }
        const envelopeJson = JSON.stringify(envelope);
        await requirePendingRoom(store, me, envelopeJson.length);
        const outcome = await store.addMessage({
          threadId: thread.id,
          senderId: me,
          senderSeq: envelope.seq,
          envelopeJson,
          bytes: envelopeJson.length,
          receivedAt: at,
        });
        if (outcome.outcome === 'seq-taken') {
          throw new ApiError(
            409,
            'seq-taken',
            'You already posted another message with this seq in this thread',
          );
        }
        if (!('seq' in outcome)) throw new ApiError(404, 'not-found', 'No such thread');
        if (outcome.outcome === 'stored') {
          // Web Push to the other participant's subscribed devices; never delays nor fails the post.
          const others = thread.participants.map((p) => p.accountId).filter((id) => id !== me);
          void deps.push.newMessage(others, thread.id);
        }
        const response = { seq: outcome.seq, receivedAt: outcome.receivedAt };
        return c.json<PostMessageResponse>(response, outcome.outcome === 'stored' ? 201 : 200);
      })
      .all('/:id/messages', methodNotAllowed('GET', 'POST'))
      .route('/:id/attachments', threadAttachmentRoutes(deps))
  );
}
