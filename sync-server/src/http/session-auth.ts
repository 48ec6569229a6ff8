/**
 * Bearer-token authentication for the account and sync routes. The token is looked up by its
 * SHA-256 (the database has nothing else); an unknown, malformed or expired token is a 401 with one
 * message, so a caller cannot tell which. The handler then sees only its own account id: no route
 * takes an account id from the request, so one account cannot name another's data.
 */
import { createMiddleware } from 'hono/factory';
import { SESSION_TOKEN_PATTERN } from '../../../shared/protocol/account.ts';
import { LAST_SEEN_INTERVAL_MS } from '../../../shared/protocol/devices.ts';
import { hashToken } from '../auth/tokens.ts';
import type { SessionEndReason, Store } from '../store/store.ts';
import { ApiError } from './errors.ts';

export interface Session {
  readonly accountId: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  /** The session's public id and device name (store/device-store.ts). */
  readonly id: string;
  readonly deviceName: string;
}

export type SessionEnv = { Variables: { session: Session } };

const BEARER = /^Bearer ([^\s]+)$/;

export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', 'Sign in again: this session is unknown or has expired', {
    'WWW-Authenticate': 'Bearer',
  });
}

/**
 * A session its owner ended from another device says why, so the app can tell the person ("your
 * passphrase was changed on another device") instead of a bare "sign in again". Knowing the reason
 * takes the token itself: nobody else learns anything from it.
 */
function endedOrUnauthorized(reason: SessionEndReason | null): ApiError {
  const headers = { 'WWW-Authenticate': 'Bearer' };
  if (reason === 'keyring-changed') {
    return new ApiError(
      401,
      'signed-out-keyring-changed',
      'Signed out: the passphrase was changed on another device; sign in with the new one',
      headers,
    );
  }
  if (reason === 'signed-out-elsewhere') {
    return new ApiError(
      401,
      'signed-out-elsewhere',
      'Signed out from another device of this account',
      headers,
    );
  }
  return unauthorized();
}

export function requireSession(store: Store, now: () => number) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token || !SESSION_TOKEN_PATTERN.test(token)) throw unauthorized();
    const tokenHash = hashToken(token);
    const session = await store.findSession(tokenHash, now());
    if (!session) throw endedOrUnauthorized(await store.sessionEndReason(tokenHash, now()));
    // "Last seen" for the device list: one write a minute per session at most, not one per request.
    const at = now();
    if (at - session.lastSeenAt >= LAST_SEEN_INTERVAL_MS)
      await store.touchSession(tokenHash, at, LAST_SEEN_INTERVAL_MS);
    c.set('session', {
      accountId: session.accountId,
      tokenHash,
      expiresAt: session.expiresAt,
      id: session.id,
      deviceName: session.deviceName,
    });
    await next();
  });
}
