/**
 * A stand-in push service on loopback, for tests: the real ones (FCM, Mozilla, Apple) are out of
 * reach here. It plays both the push service and the browser holding the subscription: it makes the
 * subscription's key pair and auth secret, and checks each request it receives the way a push
 * service and a user agent would, independently of the web-push library that made it:
 *
 * - RFC 8030: a POST with a `TTL` header (a whole number of seconds).
 * - RFC 8292: `Authorization: vapid t=<JWT>, k=<public key>`; the JWT is ES256, its signature
 *   verifies with `k`, `aud` is the endpoint's origin, `exp` is in the future and at most 24 h
 *   ahead, `sub` is a `mailto:` or `https:` contact.
 * - RFC 8291 / RFC 8188: `Content-Encoding: aes128gcm`; the body's header (salt, record size, the
 *   sender's ephemeral key) and one record decrypted with the subscription's private key.
 *
 * Each request is recorded with its verdicts and decrypted payload; `status` sets the answer.
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** Every check that failed, in words; empty when the request is right. */
  readonly problems: string[];
  readonly claims: Record<string, unknown> | null;
  /** The decrypted payload as text, or null when it could not be decrypted. */
  readonly plaintext: string | null;
}

export interface PushStandIn {
  readonly origin: string;
  /** A new subscription on this service, as a browser's `PushSubscription.toJSON()` gives it. */
  subscribe(): { endpoint: string; keys: { p256dh: string; auth: string } };
  readonly received: ReceivedPush[];
  /** Resolves once `count` requests arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  /** The HTTP status the next requests get (201 by default, RFC 8030 §5). */
  status: number;
  close(): Promise<void>;
}

const b64url = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('base64url');

/** A P-256 public key from its uncompressed point (0x04 ‖ x ‖ y). */
function p256PublicKey(point: Buffer) {
  if (point.length !== 65 || point[0] !== 4) throw new Error('not an uncompressed P-256 point');
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: 'jwk',
  });
}

function checkVapid(authorization: string | undefined, audience: string, now: number, problems: string[]) {
  const match = /^vapid t=([A-Za-z0-9_.-]+), ?k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) {
    problems.push(`Authorization is not "vapid t=…, k=…": ${authorization}`);
    return { claims: null, k: null };
  }
  const [, jwt, k] = match as unknown as [string, string, string];
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>;
  if (head.alg !== 'ES256') problems.push(`JWT alg is ${String(head.alg)}, not ES256`);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: p256PublicKey(Buffer.from(k, 'base64url')), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) problems.push('the JWT signature does not verify with k');
  if (claims.aud !== audience) problems.push(`aud is ${String(claims.aud)}, not ${audience}`);
  const exp = Number(claims.exp);
  const seconds = Math.floor(now / 1000);
  if (!(exp > seconds && exp <= seconds + 24 * 3600)) problems.push(`exp ${exp} is not within 24 h ahead`);
  if (!/^(mailto:|https:)/.test(String(claims.sub))) problems.push(`sub ${String(claims.sub)} is no contact`);
  return { claims, k };
}

/** RFC 8291 §3.4 and RFC 8188 §2: one aes128gcm record, decrypted as the user agent would. */
function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, auth: Buffer, problems: string[]) {
  if (body.length < 21 + 65 + 17) {
    problems.push('the body is too short for an aes128gcm header and one record');
    return null;
  }
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] as number;
  if (idLength !== 65) problems.push(`keyid is ${idLength} bytes, not the sender's 65-byte public key`);
  const asPublic = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) problems.push('more than one record (the payload is one record)');
  const secret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  try {
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(records.subarray(records.length - 16));
    const padded = Buffer.concat([
      decipher.update(records.subarray(0, records.length - 16)),
      decipher.final(),
    ]);
    // The last record ends with the delimiter 0x02, then zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== 2) problems.push('the record does not end with the last-record delimiter');
    return padded.subarray(0, end).toString('utf8');
  } catch {
    problems.push('the record does not decrypt with the subscription key');
    return null;
  }
}

export async function startPushStandIn(now: () => number = Date.now): Promise<PushStandIn> {
  const subscriptions = new Map<string, { ua: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const waiters: (() => void)[] = [];
  let origin = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const problems: string[] = [];
      const path = req.url ?? '';
      const sub = subscriptions.get(path);
      if (req.method !== 'POST') problems.push(`method ${req.method}`);
      if (!sub) problems.push(`no subscription at ${path}`);
      if (!/^\d+$/.test(String(req.headers.ttl ?? ''))) problems.push('no TTL header (RFC 8030 §5.2)');
      if (req.headers['content-encoding'] !== 'aes128gcm') problems.push('Content-Encoding is not aes128gcm');
      const { claims } = checkVapid(req.headers.authorization, origin, now(), problems);
      const plaintext = sub ? decrypt(Buffer.concat(chunks), sub.ua, sub.auth, problems) : null;
      received.push({ path, headers: req.headers, problems, claims, plaintext });
      res.statusCode = stand.status;
      res.end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stand: PushStandIn = {
    origin,
    received,
    status: 201,
    subscribe() {
      const ua = createECDH('prime256v1');
      ua.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${randomBytes(12).toString('base64url')}`;
      subscriptions.set(path, { ua, auth });
      return {
        endpoint: `${origin}${path}`,
        keys: { p256dh: b64url(ua.getPublicKey()), auth: b64url(auth) },
      };
    },
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`only ${received.length} of ${count} pushes arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 100));
        });
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return stand;
}
