/**
 * `/api/push`: Web Push subscriptions (docs/architecture.md §8.7; shared/protocol/push.ts). A
 * session stores its own device's subscription, replaces it, or removes it; the server's VAPID
 * public key is what the browser subscribes with. What is stored is the push service's endpoint and
 * the subscription's public keys: no name, no content. Sending is push/push-sender.ts, on new messages.
 */
import { Hono } from 'hono';
import { pushSubscriptionSchema } from '../../../shared/protocol/push.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ApiDeps } from './deps.ts';

export function pushRoutes(deps: ApiDeps) {
  const { store, now, push } = deps;
  return new Hono()
    .use(requireSession(store, now))
    .get('/key', (c) => c.json({ publicKey: push.publicKey }))
    .all('/key', methodNotAllowed('GET'))
    .get('/subscription', async (c) => {
      const { accountId, id } = c.get('session');
      const mine = (await store.listPushSubscriptions(accountId, now())).some((s) => s.sessionId === id);
      return c.json({ subscribed: mine });
    })
    .put('/subscription', jsonBody(pushSubscriptionSchema, 4 * KIB), async (c) => {
      const { accountId, id } = c.get('session');
      const { endpoint, keys } = c.get('body');
      if (!push.accepts(endpoint)) {
        throw new ApiError(
          400,
          'push-endpoint-refused',
          "endpoint: this server sends only to the browsers' push services over HTTPS",
        );
      }
      await store.putPushSubscription(accountId, { sessionId: id, endpoint, ...keys }, now());
      return c.body(null, 204);
    })
    .delete('/subscription', async (c) => {
      const { accountId, id } = c.get('session');
      await store.deletePushSubscription(accountId, id);
      return c.body(null, 204);
    })
    .all('/subscription', methodNotAllowed('GET', 'PUT', 'DELETE'));
}
