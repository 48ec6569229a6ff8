/**
 * `/api/threads/blocks`: the accounts this account refuses messages from. A blocked account can
 * neither open a thread with it nor post in a thread they share (403 `blocked`); it can still read
 * what was already there. Mounted by threads.ts, behind its session check.
 */
import { Hono } from 'hono';
import { accountIdSchema, blockRequestSchema } from '../../../shared/protocol/messages.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import type { SessionEnv } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export function threadBlockRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  return new Hono<SessionEnv>()
    .get('/', async (c) => c.json({ blocked: await store.listBlocked(c.get('session').accountId) }))
    .post('/', jsonBody(blockRequestSchema), async (c) => {
      const me = c.get('session').accountId;
      const { accountId } = c.get('body');
      if (accountId === me) throw new ApiError(400, 'bad-request', 'accountId: you cannot block yourself');
      if (!(await store.getAccount(accountId))) throw new ApiError(404, 'not-found', 'No such account');
      await store.block(me, accountId, now());
      return c.body(null, 204);
    })
    .all('/', methodNotAllowed('GET', 'POST'))
    .delete('/:accountId', async (c) => {
      const parsed = accountIdSchema.safeParse(c.req.param('accountId'));
      if (!parsed.success) throw new ApiError(404, 'not-found', 'No such account');
      await store.unblock(c.get('session').accountId, parsed.data);
      return c.body(null, 204);
    })
    .all('/:accountId', methodNotAllowed('DELETE'));
}
