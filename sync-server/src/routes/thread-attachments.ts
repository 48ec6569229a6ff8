/**
 * `/api/threads/:id/attachments`: chunk ciphertexts of the files sent in a thread
 * (shared/crypto/attachment.ts). The uploader declares the chunk count (at most 40: 20 MiB), then
 * writes each chunk once; a message may name the attachment only once every chunk is there.
 * Every participant may read the chunks; only the uploader writes them. The key is inside the
 * message, never here. Mounted by threads.ts, behind its session check.
 */
import { type Context, Hono } from 'hono';
import {
  ATTACHMENT_MAX_CHUNKS,
  attachmentIdSchema,
  CHUNK_TEXT_MAX,
  chunkSchema,
  createAttachmentRequestSchema,
} from '../../../shared/protocol/messages.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import type { SessionEnv } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';
import { participantThread, requireNotBlocked, requirePendingRoom, threadIdParam } from './thread-access.ts';

function noSuchAttachment(): ApiError {
  return new ApiError(404, 'not-found', 'No such attachment');
}

function chunkAddress(c: Context): { attachmentId: string; index: number } {
  const attachmentId = attachmentIdSchema.safeParse(c.req.param('attachmentId'));
  const index = Number(c.req.param('index'));
  if (
    !attachmentId.success ||
    !/^\d{1,2}$/.test(c.req.param('index') ?? '') ||
    index >= ATTACHMENT_MAX_CHUNKS
  ) {
    throw noSuchAttachment();
  }
  return { attachmentId: attachmentId.data, index };
}

export function threadAttachmentRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  return new Hono<SessionEnv>()
    .post('/', jsonBody(createAttachmentRequestSchema), async (c) => {
      const me = c.get('session').accountId;
      const thread = await participantThread(store, threadIdParam(c), me);
      await requireNotBlocked(store, thread, me);
      await requirePendingRoom(store, me, 0);
      const { id, chunkCount } = c.get('body');
      const outcome = await store.createAttachment(thread.id, id, me, chunkCount, now());
      if (outcome === 'id-taken')
        throw new ApiError(409, 'conflict', 'This attachment id is taken: draw another');
      return c.body(null, 201);
    })
    .all('/', methodNotAllowed('POST'))
    .put('/:attachmentId/chunks/:index', jsonBody(chunkSchema, CHUNK_TEXT_MAX + 4 * KIB), async (c) => {
      const me = c.get('session').accountId;
      const thread = await participantThread(store, threadIdParam(c), me);
      const { attachmentId, index } = chunkAddress(c);
      const attachment = await store.getAttachment(thread.id, attachmentId);
      // Another participant's attachment is read-only for this account: not found for writing.
      if (!attachment || attachment.uploaderId !== me || index >= attachment.chunkCount)
        throw noSuchAttachment();
      const { data } = c.get('body');
      await requirePendingRoom(store, me, data.length);
      if (!(await store.putChunk(thread.id, attachmentId, index, data))) {
        throw new ApiError(409, 'conflict', 'This chunk is already uploaded');
      }
      return c.body(null, 204);
    })
    .get('/:attachmentId/chunks/:index', async (c) => {
      const me = c.get('session').accountId;
      const thread = await participantThread(store, threadIdParam(c), me);
      const { attachmentId, index } = chunkAddress(c);
      const data = await store.getChunk(thread.id, attachmentId, index);
      if (data === null) throw noSuchAttachment();
      return c.json({ data });
    })
    .all('/:attachmentId/chunks/:index', methodNotAllowed('GET', 'PUT'));
}
