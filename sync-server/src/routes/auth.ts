/**
 * `/api/auth`: register a vault, pre-login, challenge, login, logout (docs/architecture.md §7; messages in
 * shared/protocol/account.ts, proof in shared/crypto/auth-proof.ts).
 *
 * Enumeration: pre-login and challenge answer an unknown email exactly as a known one (same shape,
 * same work: one lookup, one HMAC, one insert), and login fails with one message whatever was
 * wrong. Only register can tell that an address is taken, and it is rate limited per address.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { verifyLoginProof } from '../../../shared/crypto/auth-proof.ts';
import {
  CHALLENGE_TTL_MS,
  type ChallengeResponse,
  challengeRequestSchema,
  type LoginResponse,
  loginRequestSchema,
  type PreloginResponse,
  preloginRequestSchema,
  registerRequestSchema,
  SESSION_TTL_MS,
  type SessionResponse,
} from '../../../shared/protocol/account.ts';
import { type KeyringMessage, keyringSchema } from '../../../shared/protocol/keyring.ts';
import { recordAccess } from '../auth/access-log.ts';
import { FAKE_KDF_TAG } from '../auth/email-hash.ts';
import type { AuthRoute } from '../auth/rate-limit.ts';
import { hashToken, randomAccountId, randomToken } from '../auth/tokens.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import { randomSessionId } from '../store/device-store.ts';
import type { ApiDeps } from './deps.ts';

/**
 * Stands in for the account key when the email is unknown, so login does the same work: a real
 * Ed25519 public key (a point on the curve, so verification runs to the end) whose secret half was
 * never kept.
 */
const NO_ACCOUNT_KEY = 'qpc1FwC-lpMQvIT19wPUBzYaAWMXUl1QazRFlrC1mkM';

export function authRoutes(deps: ApiDeps) {
  const { store, emails, now } = deps;

  function limit(c: Context, route: AuthRoute, account?: string): void {
    const result = deps.limits.take(route, { ip: deps.clientIp(c), account }, now());
    if (!result.ok) {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      throw new ApiError(429, 'rate-limited', `Too many attempts: try again in ${seconds} s`, {
        'Retry-After': String(seconds),
      });
    }
  }

  /** A new session is a new device in the account's list, and a line in its access history. */
  async function openSession(
    accountId: string,
    deviceName: string | undefined,
    kind: 'account-created' | 'sign-in',
  ): Promise<SessionResponse> {
    const token = randomToken();
    const at = now();
    const expiresAt = at + SESSION_TTL_MS;
    const device = { id: randomSessionId(), name: deviceName ?? '', createdAt: at };
    await store.createSession(hashToken(token), accountId, expiresAt, device);
    await recordAccess(store, accountId, kind, { id: device.id, deviceName: device.name }, at);
    return { token, expiresAt };
  }

  return new Hono()
    .post('/register', jsonBody(registerRequestSchema), async (c) => {
      limit(c, 'register');
      const { email, keyring, authPublicKey, deviceName } = c.get('body');
      const accountId = randomAccountId();
      const created = await store.createAccount({
        id: accountId,
        emailHash: emails.hash(email),
        keyringJson: JSON.stringify(keyring),
        authPublicKey,
        createdAt: now(),
      });
      if (!created) throw new ApiError(409, 'conflict', 'An account is already registered with this email');
      return c.json(await openSession(accountId, deviceName, 'account-created'), 201);
    })
    .all('/register', methodNotAllowed('POST'))
    .post('/prelogin', jsonBody(preloginRequestSchema), async (c) => {
      const emailHash = emails.hash(c.get('body').email);
      limit(c, 'prelogin', emailHash);
      const account = await store.findAccountByEmailHash(emailHash);
      const fake: PreloginResponse = { kdf: FAKE_KDF_TAG, salt: emails.fakeSalt(emailHash) };
      if (!account) return c.json(fake);
      // Validated when stored; no schema pass here, so both answers cost the same.
      const { kdf, salt } = JSON.parse(account.keyringJson) as KeyringMessage;
      return c.json<PreloginResponse>({ kdf, salt });
    })
    .all('/prelogin', methodNotAllowed('POST'))
    .post('/challenge', jsonBody(challengeRequestSchema), async (c) => {
      const emailHash = emails.hash(c.get('body').email);
      limit(c, 'challenge', emailHash);
      // Stored for unknown emails too: the answer must not depend on whether the account exists.
      const nonce = randomToken();
      const expiresAt = now() + CHALLENGE_TTL_MS;
      await store.putChallenge(hashToken(nonce), emailHash, expiresAt);
      return c.json<ChallengeResponse>({ nonce, expiresAt });
    })
    .all('/challenge', methodNotAllowed('POST'))
    .post('/login', jsonBody(loginRequestSchema), async (c) => {
      const { email, nonce, signature, deviceName } = c.get('body');
      const emailHash = emails.hash(email);
      limit(c, 'login', emailHash);
      // The challenge is consumed whatever happens next: a nonce is good for one attempt only.
      const challengedEmail = await store.takeChallenge(hashToken(nonce), now());
      const account = await store.findAccountByEmailHash(emailHash);
      const proofOk = verifyLoginProof(account?.authPublicKey ?? NO_ACCOUNT_KEY, nonce, email, signature);
      if (!account || challengedEmail !== emailHash || !proofOk) {
        deps.limits.loginFailures.fail(emailHash, deps.clientIp(c), now());
        throw new ApiError(401, 'unauthorized', 'Sign-in failed: wrong passphrase, or the challenge expired');
      }
      deps.limits.loginFailures.succeed(emailHash, deps.clientIp(c));
      const session = await openSession(account.id, deviceName, 'sign-in');
      const keyring = keyringSchema.parse(JSON.parse(account.keyringJson));
      return c.json<LoginResponse>({ ...session, keyring });
    })
    .all('/login', methodNotAllowed('POST'))
    .post('/logout', requireSession(store, now), async (c) => {
      const session = c.get('session');
      const { tokenHash } = session;
      await store.deleteSession(tokenHash);
      await recordAccess(store, session.accountId, 'sign-out', session, now());
      deps.streams.closeSession(tokenHash);
      // Its call tokens end with it: no new signaling socket, and the open ones are closed.
      deps.callTokens.accountChanged(c.get('session').accountId);
      return c.body(null, 204);
    })
    .all('/logout', methodNotAllowed('POST'));
}
