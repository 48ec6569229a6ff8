/**
 * `/api/calls/token`: a peer id and a call token for the signaling server (signaling/call-tokens.ts),
 * for signed-in accounts only, plus the configured ICE servers so clients never fall back to
 * PeerJS's public defaults. Nothing is stored: the token is verifiable by its MAC alone.
 */
import { Hono } from 'hono';
import { type CallTokenResponse, callTokenRequestSchema } from '../../../shared/protocol/calls.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export function callRoutes(deps: ApiDeps) {
  return new Hono()
    .use(requireSession(deps.store, deps.now))
    .post('/token', jsonBody(callTokenRequestSchema), (c) => {
      const issued = deps.callTokens.issue(c.get('session').accountId, c.get('body').purpose);
      c.header('Cache-Control', 'no-store');
      return c.json<CallTokenResponse>({ ...issued, iceServers: [...deps.iceServers] });
    })
    .all('/token', methodNotAllowed('POST'));
}
