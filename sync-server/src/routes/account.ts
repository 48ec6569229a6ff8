/**
 * `/api/account`: the signed-in account only (the session names it; no route takes an id).
 * GET returns the keyring; PUT /keyring replaces it after a passphrase change and signs out the
 * other devices (they hold a keyring the old passphrase opens, and must sign in with the new
 * one); DELETE wipes the account and every row it owns, at once.
 */
import { Hono } from 'hono';
import { type AccountResponse, keyringUpdateRequestSchema } from '../../../shared/protocol/account.ts';
import { keyringSchema } from '../../../shared/protocol/keyring.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession, unauthorized } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export function accountRoutes(deps: ApiDeps) {
  const { store, streams } = deps;
  return new Hono()
    .use(requireSession(store, deps.now))
    .get('/', async (c) => {
      const account = await store.getAccount(c.get('session').accountId);
      if (!account) throw unauthorized();
      return c.json<AccountResponse>({
        keyring: keyringSchema.parse(JSON.parse(account.keyringJson)),
        storage: { used: account.storedBytes, limit: deps.storageQuotaBytes },
      });
    })
    .delete('/', async (c) => {
      const { accountId } = c.get('session');
      await store.deleteAccount(accountId);
      streams.closeAccount(accountId);
      return c.body(null, 204);
    })
    .all('/', methodNotAllowed('GET', 'DELETE'))
    .put('/keyring', jsonBody(keyringUpdateRequestSchema), async (c) => {
      const { accountId, tokenHash } = c.get('session');
      const { keyring, authPublicKey } = c.get('body');
      if (!(await store.updateKeyring(accountId, JSON.stringify(keyring), authPublicKey)))
        throw unauthorized();
      await store.deleteOtherSessions(accountId, tokenHash);
      streams.closeAccount(accountId, tokenHash);
      return c.body(null, 204);
    })
    .all('/keyring', methodNotAllowed('PUT'));
}
