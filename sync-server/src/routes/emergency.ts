/**
 * `/api/emergency`: the opt-in emergency access log (shared/protocol/emergency.ts).
 * - POST /opened (no auth): the responder page reports a token. Always 204, known or not, so the
 *   endpoint reveals nothing; rate-limited per IP; the body holds a random token, no health data.
 * - POST /tokens (session): the patient's device registers the hash of its profile's token.
 * - DELETE /tokens (session): opt-out; the hash is forgotten, so later openings are not recorded.
 * - GET /openings (session): when the account's emergency profile was opened, newest first.
 */
import { Hono } from 'hono';
import {
  type EmergencyOpeningsResponse,
  emergencyOpenedRequestSchema,
  emergencyTokenHash,
  emergencyTokenRequestSchema,
} from '../../../shared/protocol/emergency.ts';
import { DEFAULT_RATE_LIMITS, SlidingWindowLimiter } from '../auth/rate-limit.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession, unauthorized } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export const OPENINGS_LIMIT = 50;
/** Per IP (scaled with the other limits): a responder opens a profile a few times; more is a script. */
export const OPENED_PER_MINUTE = DEFAULT_RATE_LIMITS.emergencyOpened?.ip.limit ?? 30;
/** Per token and address: a responder reloading the page is still one opening. */
export const OPENINGS_PER_TOKEN_PER_MINUTE = 1;

export function emergencyRoutes(deps: ApiDeps) {
  const { store } = deps;
  const perToken = new SlidingWindowLimiter(OPENINGS_PER_TOKEN_PER_MINUTE, 60_000);
  const session = requireSession(store, deps.now);
  return new Hono()
    .post('/opened', jsonBody(emergencyOpenedRequestSchema, KIB), async (c) => {
      const limit = deps.limits.take('emergencyOpened', { ip: deps.clientIp(c) }, deps.now());
      if (!limit.ok) {
        throw new ApiError(429, 'rate-limited', 'Too many reports: try again later', {
          'Retry-After': String(Math.ceil(limit.retryAfterMs / 1000)),
        });
      }
      const tokenHash = emergencyTokenHash(c.get('body').token);
      // Same answer either way: the endpoint never says whether a token is known or recent.
      // Keyed by (token, address): a reload by the responder is one opening, yet someone replaying
      // a token every minute from elsewhere cannot hide the genuine openings behind their own.
      if (perToken.take(`${tokenHash}|${deps.clientIp(c)}`, deps.now()).ok) {
        await store.recordEmergencyOpening(tokenHash, deps.now(), OPENINGS_LIMIT);
      }
      return c.body(null, 204);
    })
    .all('/opened', methodNotAllowed('POST'))
    .post('/tokens', session, jsonBody(emergencyTokenRequestSchema, KIB), async (c) => {
      const outcome = await store.registerEmergencyToken(
        c.get('session').accountId,
        c.get('body').tokenHash,
        deps.now(),
      );
      if (outcome === 'no-account') throw unauthorized();
      // Openings of a hash go to its first holder: a second one must not believe it is logged.
      // Tokens are 128 random bits, so this only happens to a copied code: the app draws a new one.
      if (outcome === 'taken') {
        throw new ApiError(
          409,
          'emergency-token-taken',
          'This emergency code is registered by another account: draw a new one',
        );
      }
      return c.body(null, 204);
    })
    .delete('/tokens', session, jsonBody(emergencyTokenRequestSchema, KIB), async (c) => {
      // Idempotent: a device retrying an opt-out it already sent gets the same answer.
      await store.deleteEmergencyToken(c.get('session').accountId, c.get('body').tokenHash);
      return c.body(null, 204);
    })
    .all('/tokens', methodNotAllowed('POST', 'DELETE'))
    .get('/openings', session, async (c) => {
      const openings = await store.listEmergencyOpenings(c.get('session').accountId, OPENINGS_LIMIT);
      return c.json<EmergencyOpeningsResponse>({ openings });
    })
    .all('/openings', methodNotAllowed('GET'));
}
