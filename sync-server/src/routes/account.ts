/**
 * `/api/account`: the signed-in account only (the session names it; no route takes an id).
 * GET returns the keyring and the storage used; PUT /keyring replaces it after a passphrase change
 * and signs out the other devices (they hold a keyring the old passphrase opens, and must sign in
 * with the new one); DELETE wipes the account and every row it owns, at once; POST
 * /sign-out-others ends every other session. /devices lists the live sessions, names this one and
 * signs one other out; /events is the access history the server keeps (§7.5); PUT /terms records
 * the holder's signed acceptance of the terms of use, returned by GET.
 *
 * Those three changes, and signing one other device out, need more than the session token: a fresh signed challenge with the
 * account's CURRENT auth key (POST /challenge, then `proof` in the body; auth/fresh-proof.ts).
 * With the token alone a thief could otherwise replace the login key and keep the account for good.
 * Ended sessions remember why, so the devices signed out are told (http/session-auth.ts).
 */
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  type AccountResponse,
  type ChallengeResponse,
  type FreshProof,
  freshProofRequestSchema,
  keyringUpdateRequestSchema,
  termsRecordSchema,
} from '../../../shared/protocol/account.ts';
import {
  ACCESS_EVENTS_KEPT,
  type AccessEventList,
  type DeviceList,
  renameDeviceRequestSchema,
  SESSION_ID_PATTERN,
} from '../../../shared/protocol/devices.ts';
import { keyringSchema } from '../../../shared/protocol/keyring.ts';
import { recordAccess } from '../auth/access-log.ts';
import { issueFreshChallenge, verifyFreshProof } from '../auth/fresh-proof.ts';
import { SlidingWindowLimiter } from '../auth/rate-limit.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession, unauthorized } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

/** Challenges per account: a person changes a passphrase or deletes an account now and then. */
export const FRESH_CHALLENGES_PER_MINUTE = 10;

/** Another account's session, an ended or unknown one: the same 404, so an id tells nothing. */
function deviceNotFound(): ApiError {
  return new ApiError(404, 'not-found', 'No signed-in device of this account has this id');
}

function proofRequired(): ApiError {
  return new ApiError(
    403,
    'proof-required',
    'This change needs a fresh proof: sign a nonce from POST /api/account/challenge with the current passphrase',
  );
}

export function accountRoutes(deps: ApiDeps) {
  const { store, streams, now } = deps;
  const challenges = new SlidingWindowLimiter(FRESH_CHALLENGES_PER_MINUTE, 60_000);

  async function requireFreshProof(accountId: string, proof: FreshProof | undefined): Promise<void> {
    if (!(await verifyFreshProof(store, deps.emails, accountId, proof, now()))) throw proofRequired();
  }

  /** A body is required for the proof; an older client sends none, and is told what is missing. */
  const bodyPresent = createMiddleware(async (c, next) => {
    if (!c.req.header('Content-Type')) throw proofRequired();
    await next();
  });

  return (
    new Hono()
      .use(requireSession(store, now))
      .get('/', async (c) => {
        const account = await store.getAccount(c.get('session').accountId);
        if (!account) throw unauthorized();
        return c.json<AccountResponse>({
          keyring: keyringSchema.parse(JSON.parse(account.keyringJson)),
          terms: account.termsJson === null ? null : termsRecordSchema.parse(JSON.parse(account.termsJson)),
          storage: { used: account.storedBytes, limit: deps.storageQuotaBytes },
        });
      })
      .delete('/', bodyPresent, jsonBody(freshProofRequestSchema), async (c) => {
        const { accountId } = c.get('session');
        await requireFreshProof(accountId, c.get('body').proof);
        await store.deleteAccount(accountId);
        streams.closeAccount(accountId);
        deps.callTokens.accountChanged(accountId);
        return c.body(null, 204);
      })
      .all('/', methodNotAllowed('GET', 'DELETE'))
      .post('/challenge', async (c) => {
        const { accountId } = c.get('session');
        const limited = challenges.take(accountId, now());
        if (!limited.ok) {
          const seconds = Math.ceil(limited.retryAfterMs / 1000);
          throw new ApiError(429, 'rate-limited', `Too many attempts: try again in ${seconds} s`, {
            'Retry-After': String(seconds),
          });
        }
        return c.json<ChallengeResponse>(await issueFreshChallenge(store, accountId, now()));
      })
      .all('/challenge', methodNotAllowed('POST'))
      .put('/keyring', jsonBody(keyringUpdateRequestSchema), async (c) => {
        const { accountId, tokenHash } = c.get('session');
        const { keyring, authPublicKey, proof } = c.get('body');
        await requireFreshProof(accountId, proof);
        if (!(await store.updateKeyring(accountId, JSON.stringify(keyring), authPublicKey)))
          throw unauthorized();
        await store.endOtherSessions(accountId, tokenHash, 'keyring-changed');
        streams.closeAccount(accountId, tokenHash);
        deps.callTokens.accountChanged(accountId);
        await recordAccess(store, accountId, 'passphrase-changed', c.get('session'), now());
        return c.body(null, 204);
      })
      .all('/keyring', methodNotAllowed('PUT'))
      // The token alone is enough: the record is signed by the holder's identity key, which devices
      // check, so a thief can only erase or replay it (and a device then asks its owner again).
      .put('/terms', jsonBody(termsRecordSchema), async (c) => {
        if (!(await store.setTerms(c.get('session').accountId, JSON.stringify(c.get('body')))))
          throw unauthorized();
        return c.body(null, 204);
      })
      .all('/terms', methodNotAllowed('PUT'))
      .post('/sign-out-others', bodyPresent, jsonBody(freshProofRequestSchema), async (c) => {
        const { accountId, tokenHash } = c.get('session');
        await requireFreshProof(accountId, c.get('body').proof);
        await store.endOtherSessions(accountId, tokenHash, 'signed-out-elsewhere');
        streams.closeAccount(accountId, tokenHash);
        deps.callTokens.accountChanged(accountId);
        await recordAccess(store, accountId, 'signed-out-others', c.get('session'), now());
        return c.body(null, 204);
      })
      .all('/sign-out-others', methodNotAllowed('POST'))
      .get('/devices', async (c) => {
        const session = c.get('session');
        const devices = await store.listSessions(session.accountId, now());
        return c.json<DeviceList>({
          devices: devices.map(({ id, name, createdAt, lastSeenAt }) => ({
            id,
            name,
            createdAt,
            lastSeenAt,
            current: id === session.id,
          })),
        });
      })
      .all('/devices', methodNotAllowed('GET'))
      // Naming this device takes the token only: it changes a label, nothing anyone relies on to act.
      .put('/devices/current', jsonBody(renameDeviceRequestSchema), async (c) => {
        await store.renameSession(c.get('session').tokenHash, c.get('body').name);
        return c.body(null, 204);
      })
      .all('/devices/current', methodNotAllowed('PUT'))
      // Ending another device needs the fresh proof, as "sign out everywhere else" does: a stolen
      // token must not be able to sign the owner's own devices out (and keep the account to itself).
      .delete('/devices/:id', bodyPresent, jsonBody(freshProofRequestSchema), async (c) => {
        const session = c.get('session');
        const id = c.req.param('id');
        if (!SESSION_ID_PATTERN.test(id)) throw deviceNotFound();
        if (id === session.id) {
          throw new ApiError(
            400,
            'bad-request',
            'This is the device the request comes from: sign out instead',
          );
        }
        // The id is checked before the proof is spent: a wrong id costs no challenge.
        const target = (await store.listSessions(session.accountId, now())).find((d) => d.id === id);
        if (!target) throw deviceNotFound();
        await requireFreshProof(session.accountId, c.get('body').proof);
        const tokenHash = await store.endSession(session.accountId, id, 'signed-out-elsewhere', now());
        if (!tokenHash) throw deviceNotFound();
        streams.closeSession(tokenHash);
        deps.callTokens.accountChanged(session.accountId);
        await recordAccess(store, session.accountId, 'device-signed-out', session, now(), target);
        return c.body(null, 204);
      })
      .all('/devices/:id', methodNotAllowed('DELETE'))
      .get('/events', async (c) => {
        const events = await store.listAccessEvents(c.get('session').accountId, ACCESS_EVENTS_KEPT);
        return c.json<AccessEventList>({ events });
      })
      .all('/events', methodNotAllowed('GET'))
  );
}
