/**
 * `/api/practitioners/me`: a signed-in account declares itself a practitioner. The profile (name,
 * profession, specialty, professional id) is PUBLIC metadata, self-declared and shown as such;
 * the identity public keys come from the account's keyring. `/me/shares` lists the shares this
 * practitioner opened and their state.
 */
import { Hono } from 'hono';
import { keyringSchema } from '../../../shared/protocol/keyring.ts';
import {
  type PractitionerProfile,
  type PractitionerResponse,
  practitionerProfileSchema,
  type ReceivedShares,
} from '../../../shared/protocol/shares.ts';
import { jsonBody } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession, unauthorized } from '../http/session-auth.ts';
import type { Store } from '../store/store.ts';
import type { ApiDeps } from './deps.ts';
import { shareState } from './share-access.ts';

/** The practitioner's public profile, or null when the account is not one. */
export async function findPractitioner(store: Store, accountId: string): Promise<PractitionerProfile | null> {
  const json = await store.getPractitioner(accountId);
  return json ? practitionerProfileSchema.parse(JSON.parse(json)) : null;
}

export async function describe(store: Store, accountId: string): Promise<PractitionerResponse | null> {
  const profile = await findPractitioner(store, accountId);
  const account = await store.getAccount(accountId);
  if (!profile || !account) return null;
  const { identity } = keyringSchema.parse(JSON.parse(account.keyringJson));
  return {
    role: 'practitioner',
    profile,
    selfDeclared: true,
    boxPublicKey: identity.boxPublicKey,
    signPublicKey: identity.signPublicKey,
  };
}

export function practitionerRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  return new Hono()
    .use(requireSession(store, now))
    .get('/me', async (c) => {
      const found = await describe(store, c.get('session').accountId);
      // No profile is the ordinary answer for a patient, not an error: 204, so no client logs a 404.
      if (!found) return c.body(null, 204);
      return c.json(found);
    })
    .put('/me', jsonBody(practitionerProfileSchema), async (c) => {
      const { accountId } = c.get('session');
      await store.putPractitioner(accountId, JSON.stringify(c.get('body')), now());
      const found = await describe(store, accountId);
      if (!found) throw unauthorized();
      return c.json(found);
    })
    .all('/me', methodNotAllowed('GET', 'PUT'))
    .get('/me/shares', async (c) => {
      const shares = await store.listReceivedShares(c.get('session').accountId);
      const at = now();
      return c.json<ReceivedShares>({
        shares: shares.map((s) => ({
          id: s.id,
          mode: s.mode,
          sections: s.sections as ReceivedShares['shares'][number]['sections'],
          state: shareState(s, at),
          expiresAt: s.expiresAt,
          lastOpenedAt: s.lastOpenedAt,
        })),
      });
    })
    .all('/me/shares', methodNotAllowed('GET'));
}
