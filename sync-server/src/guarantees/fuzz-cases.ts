/**
 * Generators for the fuzz test: seeded, so a failure can be replayed with FUZZ_SEED. Each case
 * starts from a valid request for its endpoint and breaks it one way (or sends noise).
 */
import { create, envelope, randomB64 } from '../testing/envelopes.ts';

export interface FuzzRequest {
  readonly index: number;
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: (token: string) => Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
}

/** mulberry32: small, fast, good enough to spread cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyring = {
  v: 1,
  kdf: 'kdf1$argon2id13$m=65536$t=3',
  salt: 'A'.repeat(22),
  vaultKeyByPassphrase: { v: 1, by: 'k', label: 'vault-key', nonce: 'AAAA', ciphertext: 'AAAA' },
  vaultKeyByRecoveryKey: { v: 1, by: 'k', label: 'vault-key', nonce: 'AAAA', ciphertext: 'AAAA' },
  identity: {
    boxPublicKey: 'A'.repeat(43),
    signPublicKey: 'A'.repeat(43),
    boxSecretKey: { v: 1, by: 'k', label: 'x', nonce: 'AAAA', ciphertext: 'AAAA' },
    signSecretKey: { v: 1, by: 'k', label: 'x', nonce: 'AAAA', ciphertext: 'AAAA' },
  },
};

const snapshot = () => ({ version: 1, nonce: 'A'.repeat(32), ciphertext: randomB64(40) });
const SHARE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Practitioner access (routes/shares.ts, routes/practitioners.ts). */
const SHARE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'PUT',
    path: '/api/practitioners/me',
    auth: true,
    valid: () => ({ name: 'Dr A', profession: 'GP', professionalId: '123' }),
  },
  {
    method: 'POST',
    path: '/api/shares',
    auth: true,
    valid: () => ({
      id: `${randomB64(16)}`.padEnd(22, 'A').slice(0, 22),
      mode: 'read-add',
      sections: ['allergy'],
      expiry: '1h',
      accessToken: 'A'.repeat(43),
      hasPasscode: false,
      snapshot: snapshot(),
    }),
  },
  {
    method: 'POST',
    path: `/api/shares/${SHARE_ID}/open`,
    auth: true,
    valid: () => ({ accessToken: 'A'.repeat(43) }),
  },
  { method: 'POST', path: '/api/shares/code/ABCDEF', auth: true, valid: () => ({ proof: 'A'.repeat(43) }) },
  {
    method: 'POST',
    path: `/api/shares/${SHARE_ID}/entries`,
    auth: true,
    valid: () => ({ accessToken: 'A'.repeat(43), sealed: randomB64(60) }),
  },
  { method: 'PUT', path: `/api/shares/${SHARE_ID}/snapshot`, auth: true, valid: snapshot },
];

const THREAD_ID = 'BBBBBBBBBBBBBBBBBBBBBB';
const ATTACHMENT_ID = 'CCCCCCCCCCCCCCCCCCCCCC';
const wrappedKey = () => ({
  v: 1,
  recipientAccountId: 'A'.repeat(22),
  recipientBoxPk: 'A'.repeat(43),
  wrapperAccountId: 'A'.repeat(22),
  wrapperBoxPk: 'A'.repeat(43),
  wrapperSignPk: 'A'.repeat(43),
  nonce: 'A'.repeat(32),
  ciphertext: randomB64(48).padEnd(64, 'A').slice(0, 64),
  sig: 'A'.repeat(86),
});

/** Messaging and the directory (routes/threads.ts, routes/directory.ts). */
const MESSAGING_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/api/threads', auth: true, valid: () => undefined },
  {
    method: 'POST',
    path: '/api/threads',
    auth: true,
    valid: () => ({ id: THREAD_ID, with: 'A'.repeat(22), keys: [wrappedKey(), wrappedKey()] }),
  },
  {
    method: 'POST',
    path: `/api/threads/${THREAD_ID}/messages`,
    auth: true,
    valid: () => ({
      v: 1,
      threadId: THREAD_ID,
      senderId: 'A'.repeat(22),
      senderKey: 'A'.repeat(22),
      seq: 1,
      sentAt: 1,
      kind: 'message',
      attachments: [],
      nonce: 'A'.repeat(32),
      ciphertext: randomB64(40),
      sig: 'A'.repeat(86),
    }),
  },
  {
    method: 'GET',
    path: `/api/threads/${THREAD_ID}/messages?after=1&limit=5`,
    auth: true,
    valid: () => undefined,
  },
  { method: 'POST', path: `/api/threads/${THREAD_ID}/receipts`, auth: true, valid: () => ({ read: 1 }) },
  {
    method: 'POST',
    path: `/api/threads/${THREAD_ID}/archive`,
    auth: true,
    valid: () => ({ archived: true }),
  },
  {
    method: 'POST',
    path: `/api/threads/${THREAD_ID}/attachments`,
    auth: true,
    valid: () => ({ id: ATTACHMENT_ID, chunkCount: 2 }),
  },
  {
    method: 'PUT',
    path: `/api/threads/${THREAD_ID}/attachments/${ATTACHMENT_ID}/chunks/0`,
    auth: true,
    valid: () => ({ data: randomB64(80) }),
  },
  { method: 'POST', path: '/api/threads/blocks', auth: true, valid: () => ({ accountId: 'A'.repeat(22) }) },
  { method: 'GET', path: '/api/directory?city=Lyon&language=fr', auth: true, valid: () => undefined },
];

interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly auth: boolean;
  readonly valid: () => unknown;
}

const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'POST',
    path: '/api/auth/register',
    auth: false,
    valid: () => ({ email: 'a@b.c', keyring, authPublicKey: 'A'.repeat(43) }),
  },
  { method: 'POST', path: '/api/auth/prelogin', auth: false, valid: () => ({ email: 'a@b.c' }) },
  { method: 'POST', path: '/api/auth/challenge', auth: false, valid: () => ({ email: 'a@b.c' }) },
  {
    method: 'POST',
    path: '/api/auth/login',
    auth: false,
    valid: () => ({ email: 'a@b.c', nonce: 'A'.repeat(43), signature: 'A'.repeat(86) }),
  },
  { method: 'POST', path: '/api/auth/logout', auth: true, valid: () => undefined },
  { method: 'GET', path: '/api/account', auth: true, valid: () => undefined },
  {
    method: 'PUT',
    path: '/api/account/keyring',
    auth: true,
    valid: () => ({ keyring, authPublicKey: 'A'.repeat(43) }),
  },
  {
    method: 'POST',
    path: '/api/sync/pull',
    auth: true,
    valid: () => ({ checkpoint: { seq: 0 }, batchSize: 10 }),
  },
  {
    method: 'POST',
    path: '/api/sync/push',
    auth: true,
    valid: () => ({ rows: [create(envelope(`f${randomB64(6)}`))] }),
  },
  ...SHARE_ENDPOINTS,
  ...MESSAGING_ENDPOINTS,
  { method: 'GET', path: '/api/version', auth: false, valid: () => undefined },
  { method: 'GET', path: '/healthz', auth: false, valid: () => undefined },
];

const NOISE: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  'x',
  '',
  [],
  {},
  [[[]]],
  { __proto__: { admin: true } },
  { constructor: { prototype: 1 } },
  '\u0000',
  '\ud800',
  'A'.repeat(70_000),
  Number.MAX_SAFE_INTEGER + 2,
  -0,
  { seq: '1' },
  [null, null],
];

/** Texts JSON.stringify cannot produce: out-of-range numbers, duplicate keys, trailing commas, a BOM. */
const RAW_NOISE: readonly string[] = [
  '1e309',
  '{"checkpoint":{"seq":1e400},"batchSize":1e-400}',
  '{"checkpoint":null,"batchSize":1,"checkpoint":{"seq":-1}}',
  'NaN',
  '{"a":1,}',
  "{'email':'a@b.c'}",
  '\ufeff{"email":"a@b.c"}',
  '{"email":"a@b.c"} trailing',
  '"\\ud800"',
];

export function fuzzRequests(seed: number, count: number): FuzzRequest[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  function mutate(value: unknown, depth = 0): unknown {
    if (value === null || typeof value !== 'object' || depth > 4 || random() < 0.3) return pick(NOISE);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
    const keys = Object.keys(copy);
    if (keys.length === 0) return pick(NOISE);
    const key = pick(keys);
    const r = random();
    const target = copy as Record<string, unknown>;
    if (r < 0.15) delete target[key];
    else if (r < 0.25) target[`extra${Math.floor(random() * 10)}`] = pick(NOISE);
    else if (r < 0.35)
      target[key] = `!!${randomB64(8)}==`; // invalid base64url, wrong type or format
    else target[key] = mutate(target[key], depth + 1);
    return copy;
  }

  const cases: FuzzRequest[] = [];
  for (let index = 0; index < count; index++) {
    const endpoint = pick(ENDPOINTS);
    const r = random();
    let method = endpoint.method;
    let label = 'mutated body';
    let contentType = 'application/json';
    let token = (t: string) => t;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    const valid = endpoint.valid();
    const json = JSON.stringify(valid ?? {});

    if (r < 0.35) body = JSON.stringify(mutate(valid ?? {}));
    else if (r < 0.45) {
      label = 'truncated body';
      body = json.slice(0, Math.floor(random() * json.length));
    } else if (r < 0.52) {
      label = 'random noise value';
      body = random() < 0.5 ? JSON.stringify(pick(NOISE)) : pick(RAW_NOISE);
    } else if (r < 0.58) {
      label = 'invalid utf-8 bytes';
      body = Uint8Array.from({ length: 64 }, () => Math.floor(random() * 256));
    } else if (r < 0.64) {
      label = 'oversized body';
      const size = endpoint.path.endsWith('/push') ? 9 * 1024 * 1024 : 80 * 1024;
      body = JSON.stringify({ pad: 'x'.repeat(size) });
    } else if (r < 0.7) {
      label = 'deeply nested';
      const depth = 1 + Math.floor(random() * 50_000);
      body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    } else if (r < 0.78) {
      label = 'bad token';
      body = valid === undefined ? undefined : json;
      const bad = pick([
        '',
        'Bearer',
        'Bearer ',
        'Bearer x',
        `Bearer ${'A'.repeat(43)}`,
        `Bearer ${'é'.repeat(43)}`,
        'Basic Zm9vOmJhcg==',
        `Bearer ${'A'.repeat(5000)}`,
      ]);
      token = () => bad;
    } else if (r < 0.85) {
      label = 'wrong method';
      method = pick(
        ['GET', 'PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS', 'HEAD'].filter((m) => m !== endpoint.method),
      );
      body = method === 'GET' || method === 'HEAD' ? undefined : json;
    } else if (r < 0.92) {
      label = 'wrong content type';
      contentType = pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        '',
        'application/jsonx',
      ]);
      body = valid === undefined ? 'a=b' : json;
    } else {
      label = 'valid request';
      body = valid === undefined ? undefined : json;
    }
    // fetch cannot send a body with GET or HEAD; those cases test the headers only.
    if (method === 'GET' || method === 'HEAD') body = undefined;
    const needsToken = endpoint.auth || label === 'bad token';
    cases.push({
      index,
      label,
      method,
      path: endpoint.path,
      body,
      headers: (t) => {
        const headers: Record<string, string> = {};
        if (body !== undefined && contentType) headers['Content-Type'] = contentType;
        const authorization = token(t);
        if (needsToken && authorization)
          headers.Authorization = label === 'bad token' ? authorization : `Bearer ${authorization}`;
        return headers;
      },
    });
  }
  return cases;
}

/** Requests the fetch API cannot send: lies about length, broken framing, garbage. */
export function rawAbuse(token: string): string[] {
  const auth = `Authorization: Bearer ${token}\r\n`;
  const json = 'Content-Type: application/json\r\n';
  const push = '{"rows":[{"assumedMasterState":null,"newDocumentState":';
  return [
    `POST /api/sync/push HTTP/1.1\r\nHost: x\r\n${auth}${json}Content-Length: 5000\r\n\r\n${push}`,
    `POST /api/sync/pull HTTP/1.1\r\nHost: x\r\n${auth}${json}Content-Length: 10\r\n\r\n{"checkpoint":null,"batchSize":1}`,
    `POST /api/sync/pull HTTP/1.1\r\nHost: x\r\n${auth}${json}Transfer-Encoding: chunked\r\n\r\n5\r\n{"che\r\n`,
    `POST /api/sync/push HTTP/1.1\r\nHost: x\r\n${auth}${json}Transfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n`,
    `POST /api/auth/login HTTP/1.1\r\nHost: x\r\n${json}Content-Length: -1\r\n\r\n{}`,
    `POST /api/auth/prelogin HTTP/1.1\r\nHost: x\r\n${json}Content-Length: 99999999999\r\n\r\n{}`,
    `POST /api/auth/prelogin HTTP/1.1\r\nHost: x\r\n${json}Content-Length: 70000\r\n\r\n${'x'.repeat(70_000)}`,
    `GET /api/sync/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'A'.repeat(43)}\r\n\r\n`,
    'GARBAGE\r\n\r\n',
    'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
    `POST /api/sync/push HTTP/1.1\r\nHost: x\r\n${auth}${json}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    `GET /healthz HTTP/1.1\r\nHost: x\r\n${'X-Pad: y\r\n'.repeat(2000)}\r\n`,
  ];
}
