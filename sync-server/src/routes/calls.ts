/**
 * `/api/calls/token`: a peer id and a call token for the signaling server (signaling/call-tokens.ts),
 * for signed-in accounts only (a room token for practitioners only), plus the configured ICE servers so clients never fall back to
 * PeerJS's public defaults. Nothing is stored: the token is verifiable by its MAC alone.
 */
import { Hono } from 'hono';
import { type CallTokenResponse, callTokenRequestSchema } from '../../../shared/protocol/calls.ts';
import { SlidingWindowLimiter } from '../auth/rate-limit.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

/** Tokens per account: a page opens one per waiting room or knock; more is a script filling signaling. */
export const CALL_TOKENS_PER_MINUTE = 30;

export function callRoutes(deps: ApiDeps) {
  const perAccount = new SlidingWindowLimiter(CALL_TOKENS_PER_MINUTE, 60_000);
  return new Hono()
    .use(requireSession(deps.store, deps.now))
    .post('/token', jsonBody(callTokenRequestSchema), async (c) => {
      const { accountId } = c.get('session');
      const limit = perAccount.take(accountId, deps.now());
      if (!limit.ok) {
        throw new ApiError(429, 'rate-limited', 'Too many call tokens: try again in a minute', {
          'Retry-After': String(Math.ceil(limit.retryAfterMs / 1000)),
        });
      }
      const { purpose, peerId } = c.get('body');
      // Only practitioners host a waiting room (docs/architecture.md §10.2); anyone signed in may knock as a guest.
      if (purpose === 'room' && !(await deps.store.getPractitioner(accountId))) {
        throw new ApiError(403, 'forbidden', 'Only a practitioner account can open a waiting room');
      }
      if (purpose === 'room' && peerId !== undefined) {
        throw new ApiError(400, 'bad-request', 'A room token takes no peerId: the room id is the account’s');
      }
      const { tokenHash } = c.get('session');
      const issued =
        peerId === undefined
          ? deps.callTokens.issue(accountId, purpose, tokenHash)
          : deps.callTokens.reissueGuest(accountId, tokenHash, peerId);
      if (!issued) throw new ApiError(403, 'forbidden', 'This guest id was not issued to this account');
      c.header('Cache-Control', 'no-store');
      return c.json<CallTokenResponse>({ ...issued, iceServers: [...deps.iceServers] });
    })
    .all('/token', methodNotAllowed('POST'));
}
