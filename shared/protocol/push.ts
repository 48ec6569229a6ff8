/**
 * Web Push (docs/architecture.md §8.7): `/api/push/*`. A device that turned system notifications
 * on hands the server its push subscription (RFC 8030): the push service's endpoint and the
 * subscription's public keys (RFC 8291). The server keeps one per session, signs each push with its
 * VAPID key (RFC 8292) and encrypts the payload for the subscription (aes128gcm, RFC 8188).
 *
 * The payload says only that something happened and where to look: a kind and a thread id, never
 * a name, a text, a record or anything else that is health data (`pushPayloadSchema` is strict).
 */
import { z } from '../schema/zod.ts';
import { base64urlField } from './keyring.ts';
import { threadIdSchema } from './messages.ts';

/** Endpoints are URLs handed out by push services; long ones exist (FCM), none this long. */
export const PUSH_ENDPOINT_MAX = 2048;

export const pushSubscriptionSchema = z.strictObject({
  endpoint: z
    .url({ protocol: /^https?$/, error: 'endpoint must be an http(s) URL' })
    .max(PUSH_ENDPOINT_MAX, `endpoint must be at most ${PUSH_ENDPOINT_MAX} characters`),
  keys: z.strictObject({
    /** The subscription's P-256 public key, uncompressed (65 bytes). */
    p256dh: base64urlField('p256dh', { exact: 87 }),
    /** The authentication secret (16 bytes). */
    auth: base64urlField('auth', { exact: 22 }),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** The server's VAPID public key (uncompressed P-256, base64url): the browser's `applicationServerKey`. */
export const pushKeyResponseSchema = z.strictObject({
  publicKey: base64urlField('VAPID key', { exact: 87 }),
});

export const pushStatusSchema = z.strictObject({ subscribed: z.boolean() });

/** What a push carries once decrypted on the device: no health data, by construction. */
export const pushPayloadSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('message'),
  threadId: threadIdSchema,
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** Seconds a push service may keep an undelivered push (the `TTL` header, RFC 8030 §5.2). */
export const PUSH_TTL_SECONDS = 24 * 3600;
