/**
 * Sends Web Push notifications (RFC 8030) when a message is stored for an account whose devices
 * subscribed (docs/architecture.md §8.7). Each request is signed with the server's VAPID key
 * (RFC 8292: an ES256 JWT with `aud` the push service's origin, `exp` within 24 h, `sub` a contact)
 * and carries a payload encrypted for the subscription (RFC 8291, `Content-Encoding: aes128gcm`,
 * RFC 8188). The `web-push` library builds both; this module sends the request itself with
 * `fetch`, so the transport (timeouts, no redirects, which endpoints) stays in the server's hands.
 *
 * Invariants:
 * - The payload is `pushPayloadSchema`: a kind and a thread id, never health data.
 * - Sending never fails the request that caused it: errors are swallowed (and counted), and a
 *   push service's 404 or 410 (the subscription is gone, RFC 8030 §7.3) forgets the subscription.
 * - An endpoint the policy refuses is never contacted.
 */
import webPush from 'web-push';
import { PUSH_TTL_SECONDS, type PushPayload, pushPayloadSchema } from '../../../shared/protocol/push.ts';
import type { PushSubscriptionStore } from '../store/push-subscription-store.ts';
import type { EndpointPolicy } from './endpoint-policy.ts';
import type { VapidKeys } from './vapid-keys.ts';

export interface PushSenderOptions {
  readonly store: PushSubscriptionStore;
  readonly vapid: VapidKeys;
  /** The VAPID `sub` claim: a `mailto:` or `https:` contact for the push service's operators. */
  readonly subject: string;
  readonly allowEndpoint: EndpointPolicy;
  readonly now: () => number;
  /** Node's fetch by default; one request per subscription. */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export interface PushSender {
  readonly publicKey: string;
  /** Whether a subscription with this endpoint would ever be sent to. */
  accepts(endpoint: string): boolean;
  /** Tells every live subscription of these accounts that a message arrived in `threadId`. */
  newMessage(accountIds: readonly string[], threadId: string): Promise<void>;
  /** Pushes sent and failed since start (for tests and logs; no endpoint, no account). */
  readonly counts: { sent: number; failed: number; gone: number };
}

export const DEFAULT_VAPID_SUBJECT = 'mailto:push@carnet.invalid';

export function createPushSender(options: PushSenderOptions): PushSender {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const counts = { sent: 0, failed: 0, gone: 0 };

  const accepts = (endpoint: string): boolean => {
    try {
      return options.allowEndpoint(new URL(endpoint));
    } catch {
      return false;
    }
  };

  async function pushTo(accountId: string, payload: PushPayload): Promise<void> {
    const subscriptions = await options.store.listPushSubscriptions(accountId, options.now());
    const body = JSON.stringify(pushPayloadSchema.parse(payload));
    await Promise.all(
      subscriptions
        .filter((s) => accepts(s.endpoint))
        .map(async (s) => {
          try {
            const request = webPush.generateRequestDetails(
              { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
              body,
              {
                vapidDetails: {
                  subject: options.subject,
                  publicKey: options.vapid.publicKey,
                  privateKey: options.vapid.privateKey,
                },
                TTL: PUSH_TTL_SECONDS,
                contentEncoding: 'aes128gcm',
                urgency: 'normal',
              },
            );
            // fetch sets Content-Length from the body itself.
            const headers = Object.fromEntries(
              Object.entries(request.headers)
                .filter(([name]) => name.toLowerCase() !== 'content-length')
                .map(([name, value]) => [name, String(value)]),
            );
            const response = await send(request.endpoint, {
              method: 'POST',
              headers,
              body: new Uint8Array(request.body ?? []),
              redirect: 'manual',
              signal: AbortSignal.timeout(timeoutMs),
            });
            await response.body?.cancel();
            if (response.status === 404 || response.status === 410) {
              counts.gone++;
              await options.store.deletePushEndpoint(accountId, s.endpoint);
            } else if (response.status >= 200 && response.status < 300) counts.sent++;
            else counts.failed++;
          } catch {
            counts.failed++;
          }
        }),
    );
  }

  return {
    publicKey: options.vapid.publicKey,
    accepts,
    counts,
    async newMessage(accountIds, threadId) {
      await Promise.all(
        accountIds.map((id) =>
          pushTo(id, { v: 1, kind: 'message', threadId }).catch(() => {
            counts.failed++;
          }),
        ),
      );
    },
  };
}
