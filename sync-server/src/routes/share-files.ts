/**
 * `/api/shares/:id/files`: chunk ciphertexts of the files a share carries (shared/crypto/
 * share-file.ts): the documents the patient chose (uploaded by the owner when the share is made)
 * and files a practitioner attaches to an entry of a read + add share. The key is derived from the
 * share key, which never reaches the server.
 *
 * Who may do what: the owner, with the session alone, declares and writes files while the share is
 * active, reads any file of the share at any time (a practitioner's attachment written just before
 * a revocation is still fetched) and deletes a file once imported. Anyone else goes through the
 * practitioner checks of every share request (share-access.ts: usable, practitioner account,
 * access token): an account without a token is told the share does not exist. Only a file's
 * uploader writes its chunks, each once. A single-use share carries no file (its one opening closes
 * it before anything could be fetched). Mounted by shares.ts, behind its session check.
 */
import { type Context, Hono } from 'hono';
import { ATTACHMENT_MAX_CHUNKS, CHUNK_TEXT_MAX } from '../../../shared/protocol/messages.ts';
import {
  createShareFileRequestSchema,
  putShareFileChunkSchema,
  readShareFileChunkSchema,
  SHARE_MAX_FILES,
  shareFileIdSchema,
  shareIdSchema,
} from '../../../shared/protocol/shares.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import type { SessionEnv } from '../http/session-auth.ts';
import type { ShareRecord } from '../store/share-store.ts';
import type { ApiDeps } from './deps.ts';
import { describe } from './practitioners.ts';
import { notFoundShare, requireProof, requireUsable, shareState } from './share-access.ts';

function noSuchFile(): ApiError {
  return new ApiError(404, 'not-found', 'No such file');
}

function chunkIndex(c: Context): number {
  const text = c.req.param('index') ?? '';
  const index = Number(text);
  if (!/^\d{1,2}$/.test(text) || index >= ATTACHMENT_MAX_CHUNKS) throw noSuchFile();
  return index;
}

function fileId(c: Context): string {
  const parsed = shareFileIdSchema.safeParse(c.req.param('fileId'));
  if (!parsed.success) throw noSuchFile();
  return parsed.data;
}

/** Who is asking: the share's owner, or a practitioner who presented the right token. */
type Caller = { readonly share: ShareRecord; readonly owner: boolean };

export function shareFileRoutes(deps: ApiDeps) {
  const { store, now } = deps;

  async function caller(c: Context, accessToken: string | undefined): Promise<Caller> {
    const parsed = shareIdSchema.safeParse(c.req.param('id'));
    if (!parsed.success) throw notFoundShare();
    const me = (c.get('session') as { accountId: string }).accountId;
    const share = await store.getShare(parsed.data);
    if (share && share.ownerId === me) return { share, owner: true };
    // Not the owner and no token: an outsider learns nothing, not even that the share exists.
    if (!share || accessToken === undefined) throw notFoundShare();
    const at = now();
    requireUsable(share, at);
    const found = await describe(store, me);
    if (!found) throw new ApiError(403, 'forbidden', 'Only a practitioner account can open a share');
    const { name, profession } = found.profile;
    await requireProof(
      store,
      share,
      share.tokenHash,
      accessToken,
      { id: me, name, profession, signPk: found.signPublicKey },
      at,
    );
    return { share, owner: false };
  }

  return new Hono<SessionEnv>()
    .post('/', jsonBody(createShareFileRequestSchema), async (c) => {
      const { id, chunkCount, accessToken } = c.get('body');
      const { share, owner } = await caller(c, accessToken);
      if (owner && shareState(share, now()) !== 'active') {
        throw new ApiError(410, 'share-revoked', 'This share has ended: it takes no more files');
      }
      if (share.singleUse) throw new ApiError(409, 'conflict', 'A single-use share carries no file');
      if (!owner && share.mode !== 'read-add') {
        throw new ApiError(403, 'share-read-only', 'This share does not allow adding entries');
      }
      const file = {
        shareId: share.id,
        id,
        uploaderId: c.get('session').accountId,
        chunkCount,
        createdAt: now(),
      };
      const outcome = await store.createShareFile(file, SHARE_MAX_FILES);
      if (outcome === 'full') {
        throw new ApiError(413, 'payload-too-large', `A share carries at most ${SHARE_MAX_FILES} files`);
      }
      if (outcome === 'id-taken') throw new ApiError(409, 'conflict', 'This file id is taken: draw another');
      return c.body(null, 201);
    })
    .all('/', methodNotAllowed('POST'))
    .delete('/:fileId', async (c) => {
      const { share, owner } = await caller(c, undefined);
      if (!owner || !(await store.deleteShareFile(share.id, fileId(c)))) throw noSuchFile();
      return c.body(null, 204);
    })
    .all('/:fileId', methodNotAllowed('DELETE'))
    .put('/:fileId/chunks/:index', jsonBody(putShareFileChunkSchema, CHUNK_TEXT_MAX + 4 * KIB), async (c) => {
      const { data, accessToken } = c.get('body');
      const { share } = await caller(c, accessToken);
      const index = chunkIndex(c);
      const file = await store.getShareFile(share.id, fileId(c));
      // Another account's file is read-only: not found for writing.
      if (!file || file.uploaderId !== c.get('session').accountId || index >= file.chunkCount) {
        throw noSuchFile();
      }
      if (!(await store.putShareFileChunk(share.id, file.id, index, data))) {
        throw new ApiError(409, 'conflict', 'This chunk is already uploaded');
      }
      return c.body(null, 204);
    })
    .all('/:fileId/chunks/:index', methodNotAllowed('PUT'))
    .post('/:fileId/chunks/:index/read', jsonBody(readShareFileChunkSchema), async (c) => {
      const { share } = await caller(c, c.get('body').accessToken);
      const data = await store.getShareFileChunk(share.id, fileId(c), chunkIndex(c));
      if (data === null) throw noSuchFile();
      return c.json({ data });
    })
    .all('/:fileId/chunks/:index/read', methodNotAllowed('POST'));
}
