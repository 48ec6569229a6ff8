import { resolve } from 'node:path';
import { z } from 'zod';
import { type IceServer, iceServerSchema } from '../../shared/protocol/calls.ts';
import { invalidProxyEntry } from './http/client-ip.ts';
import { DEFAULT_STORAGE_QUOTA_BYTES } from './store/storage-quota.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  STATIC_DIR: z.string().min(1).default('./dist'),
  DATABASE_URL: z.string().min(1).optional(),
  SERVER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(10_000).default(1),
  /** Ciphertext bytes an account may store (documents); 512 MiB by default. */
  STORAGE_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(Number.MAX_SAFE_INTEGER)
    .default(DEFAULT_STORAGE_QUOTA_BYTES),
  /** Comma-separated IPs or CIDR blocks of the reverse proxies whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const entries = (text ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      const bad = invalidProxyEntry(entries);
      if (bad === undefined) return entries;
      ctx.addIssue({ code: 'custom', message: 'must be comma-separated IP addresses or CIDR blocks' });
      return z.NEVER;
    }),
  /** The VAPID contact (RFC 8292 `sub`) push services may write to: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL')
    .optional(),
  /** JSON array of RTCIceServer (STUN/TURN) handed to call clients; none by default. */
  ICE_SERVERS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return [];
      try {
        const parsed = z.array(iceServerSchema).safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {}
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {urls, username?, credential?}' });
      return z.NEVER;
    }),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; the store keeps its files here. */
  dataDir: string;
  /** Absolute path of the built PWA. */
  staticDir: string;
  /** PostgreSQL connection string; without it the store is SQLite under `dataDir`. */
  databaseUrl?: string;
  /** Keys the email hashes; without it one is created in `dataDir` (auth/server-secret.ts). */
  serverSecret?: string;
  /** Multiplies the auth rate limits (auth/rate-limit.ts); 1 in production. */
  rateLimitScale: number;
  /** STUN/TURN servers for calls (ICE_SERVERS); never PeerJS's public defaults. */
  iceServers: IceServer[];
  /** Reverse proxies whose X-Forwarded-For names the client (http/client-ip.ts); none by default. */
  trustedProxies: string[];
  /** Per-account storage quota in ciphertext bytes (STORAGE_QUOTA_BYTES). */
  storageQuotaBytes: number;
  /** VAPID `sub` for Web Push; push/push-sender.ts has a default. */
  vapidSubject?: string;
}

/** Reads the server's settings from the environment; an invalid value stops startup with its name. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const {
    PORT,
    HOST,
    DATA_DIR,
    STATIC_DIR,
    DATABASE_URL,
    SERVER_SECRET,
    RATE_LIMIT_SCALE,
    ICE_SERVERS,
    TRUSTED_PROXIES,
    STORAGE_QUOTA_BYTES,
    VAPID_SUBJECT,
  } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: resolve(cwd, DATA_DIR),
    staticDir: resolve(cwd, STATIC_DIR),
    rateLimitScale: RATE_LIMIT_SCALE,
    iceServers: ICE_SERVERS,
    trustedProxies: TRUSTED_PROXIES,
    storageQuotaBytes: STORAGE_QUOTA_BYTES,
    ...(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {}),
    ...(SERVER_SECRET ? { serverSecret: SERVER_SECRET } : {}),
    ...(VAPID_SUBJECT ? { vapidSubject: VAPID_SUBJECT } : {}),
  };
}
