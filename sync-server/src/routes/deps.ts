/**
 * What the account and sync routes need from the outside world, passed in so tests can use a
 * real store with a fixed clock and tight rate limits, and main.ts the production ones.
 */
import type { Context } from 'hono';
import type { IceServer } from '../../../shared/protocol/calls.ts';
import { createEmailHasher, type EmailHasher } from '../auth/email-hash.ts';
import { type AuthRateLimitConfig, AuthRateLimits } from '../auth/rate-limit.ts';
import { clientAddress } from '../http/client-ip.ts';
import { type EndpointPolicy, knownPushServices } from '../push/endpoint-policy.ts';
import { createPushSender, DEFAULT_VAPID_SUBJECT, type PushSender } from '../push/push-sender.ts';
import { deriveVapidKeys } from '../push/vapid-keys.ts';
import { type CallTokens, createCallTokens } from '../signaling/call-tokens.ts';
import { DEFAULT_STORAGE_QUOTA_BYTES } from '../store/storage-quota.ts';
import type { Store } from '../store/store.ts';
import { LiveStreams } from '../sync/live-streams.ts';

export interface ApiOptions {
  readonly store: Store;
  /** 32-byte key for the email hashes (auth/server-secret.ts). */
  readonly serverKey: Uint8Array;
  readonly now?: () => number;
  readonly rateLimits?: AuthRateLimitConfig;
  /** Pass one in to close every stream on shutdown. */
  readonly streams?: LiveStreams;
  readonly heartbeatMs?: number;
  readonly clientIp?: (c: Context) => string;
  /** Ciphertext bytes one account may store; DEFAULT_STORAGE_QUOTA_BYTES when left out. */
  readonly storageQuotaBytes?: number;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); ignored with `clientIp`. */
  readonly trustedProxies?: readonly string[];
  /** STUN/TURN servers handed to call clients; none by default (loopback and tests). */
  readonly iceServers?: readonly IceServer[];
  /**
   * Pass the instance the signaling server checks upgrades with (main.ts), so a logout here closes
   * that session's sockets there at once; by default one of the app's own.
   */
  readonly callTokens?: CallTokens;
  /** Web Push (push/push-sender.ts); the VAPID key is derived from `serverKey`. */
  readonly push?: {
    /** VAPID `sub` (VAPID_SUBJECT); DEFAULT_VAPID_SUBJECT when left out. */
    readonly subject?: string;
    /** Which endpoints may be sent to; the browsers' push services by default (tests: a loopback stand-in). */
    readonly allowEndpoint?: EndpointPolicy;
    readonly fetch?: typeof fetch;
  };
}

export interface ApiDeps {
  readonly store: Store;
  readonly emails: EmailHasher;
  readonly now: () => number;
  readonly limits: AuthRateLimits;
  readonly streams: LiveStreams;
  readonly heartbeatMs: number;
  readonly clientIp: (c: Context) => string;
  readonly callTokens: CallTokens;
  readonly iceServers: readonly IceServer[];
  readonly storageQuotaBytes: number;
  readonly push: PushSender;
}

export const HEARTBEAT_MS = 25_000;

export function createApiDeps(options: ApiOptions): ApiDeps {
  return {
    store: options.store,
    emails: createEmailHasher(options.serverKey),
    now: options.now ?? Date.now,
    limits: new AuthRateLimits(options.rateLimits),
    streams: options.streams ?? new LiveStreams(),
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    clientIp: options.clientIp ?? clientAddress(options.trustedProxies ?? []),
    callTokens: options.callTokens ?? createCallTokens(options.serverKey, options.now ?? Date.now),
    iceServers: options.iceServers ?? [],
    storageQuotaBytes: options.storageQuotaBytes ?? DEFAULT_STORAGE_QUOTA_BYTES,
    push: createPushSender({
      store: options.store,
      vapid: deriveVapidKeys(options.serverKey),
      subject: options.push?.subject ?? DEFAULT_VAPID_SUBJECT,
      allowEndpoint: options.push?.allowEndpoint ?? knownPushServices,
      now: options.now ?? Date.now,
      ...(options.push?.fetch ? { fetch: options.push.fetch } : {}),
    }),
  };
}
