/**
 * `/api/calls/token`: a peer id and a call token for the signaling server (signaling/call-tokens.ts),
 * for signed-in accounts only (a room token for practitioners only), plus the configured ICE servers so clients never fall back to
 * PeerJS's public defaults. Nothing is stored: the token is verifiable by its MAC alone.
 */
import { Hono } from 'hono';
import { type CallTokenResponse, callTokenRequestSchema } from '../../../shared/protocol/calls.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export function callRoutes(deps: ApiDeps) {
  return new Hono()
    .use(requireSession(deps.store, deps.now))
    .post('/token', jsonBody(callTokenRequestSchema), async (c) => {
      const { accountId } = c.get('session');
      const { purpose } = c.get('body');
      // Only practitioners host a waiting room (DESIGN §8); anyone signed in may knock as a guest.
      if (purpose === 'room' && !(await deps.store.getPractitioner(accountId))) {
        throw new ApiError(403, 'forbidden', 'Only a practitioner account can open a waiting room');
      }
      const issued = deps.callTokens.issue(accountId, purpose);
      c.header('Cache-Control', 'no-store');
      return c.json<CallTokenResponse>({ ...issued, iceServers: [...deps.iceServers] });
    })
    .all('/token', methodNotAllowed('POST'));
}
