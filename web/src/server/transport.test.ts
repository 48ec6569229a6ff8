import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { testVault } from '../../../sync-server/src/testing/api-client.ts';
import { envelope } from '../../../sync-server/src/testing/envelopes.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { quotaFigures } from '../sync/sync-status.ts';
import { freshProof } from './fresh-proof.ts';
import { syncReason } from './reasons.ts';
import { createServer, type Server } from './server.ts';
import { ServerError } from './server-error.ts';
import type { FetchLike } from './transport.ts';

const TOKEN = 'T'.repeat(43);

function fake(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

async function failure(promise: Promise<unknown>): Promise<ServerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('the server resources against the real server', () => {
  let t: TestApp;
  let server: Server;
  beforeAll(async () => {
    await initCrypto();
    t = await createTestApp();
    server = createServer({
      baseUrl: 'http://carnet.test/',
      fetch: async (input, init) => t.app.request(input, init),
    });
  });
  afterAll(() => t.close());

  /** Another session of the same account (another device). */
  async function signIn(vault: ReturnType<typeof testVault>): Promise<Server> {
    const { nonce } = await server.account.challenge(vault.email);
    const login = await server.account.login({
      email: vault.email,
      nonce,
      signature: signLoginProof(vault.authKey, nonce, vault.email),
    });
    return server.withToken(login.token);
  }

  it('registers, signs in, reads and replaces the keyring, syncs, logs out and deletes', async () => {
    const vault = testVault('dana@example.org');
    const client = server.account;
    const registered = await client.register({
      email: vault.email,
      keyring: vault.keyring as never,
      authPublicKey: vault.authPublicKey,
    });
    expect(await client.prelogin(vault.email)).toEqual({ kdf: vault.keyring.kdf, salt: vault.keyring.salt });
    const { nonce } = await client.challenge(vault.email);
    const login = await client.login({
      email: vault.email,
      nonce,
      signature: signLoginProof(vault.authKey, nonce, vault.email),
    });
    expect(login.keyring).toEqual(vault.keyring);

    const signed = server.withToken(registered.token);
    expect(await signed.account.getAccount()).toMatchObject({ keyring: vault.keyring });
    const doc = envelope('r1');
    expect(await signed.replication.push([{ assumedMasterState: null, newDocumentState: doc }])).toEqual({
      conflicts: [],
    });
    const page = await signed.replication.pull(null, 10);
    expect(page.documents).toHaveLength(1);
    expect(page.checkpoint).toEqual({ seq: 1 });

    const other = server.withToken(login.token);
    await other.account.logout();
    expect((await failure(other.account.getAccount())).reason).toBe('unauthorized');

    // Keyring, deletion and sign-out need a fresh proof by the current auth key.
    const upload = { keyring: vault.keyring as never, authPublicKey: vault.authPublicKey };
    expect((await failure(signed.account.putKeyring(upload))).reason).toBe('proof-required');
    const wrongKey = testVault(vault.email).authKey;
    const forged = await freshProof(signed.account, wrongKey, vault.email);
    expect((await failure(signed.account.signOutOthers(forged))).reason).toBe('proof-required');
    await signed.account.putKeyring({
      ...upload,
      proof: await freshProof(signed.account, vault.authKey, vault.email),
    });

    // "Sign out everywhere else": the other session is told why.
    const third = await signIn(vault);
    await signed.account.signOutOthers(await freshProof(signed.account, vault.authKey, vault.email));
    const ended = await failure(third.account.getAccount());
    expect(ended.reason).toBe('signed-out-elsewhere');
    expect(syncReason(ended)).toBe('signed-out-elsewhere');

    // A nonce is good once.
    const proof = await freshProof(signed.account, vault.authKey, vault.email);
    await signed.account.signOutOthers(proof);
    expect((await failure(signed.account.deleteAccount(proof))).reason).toBe('proof-required');
    await signed.account.deleteAccount(await freshProof(signed.account, vault.authKey, vault.email));
    expect((await failure(signed.replication.pull({ seq: 0 }, 10))).reason).toBe('unauthorized');
  });

  it('reads the storage figures, and a push over the quota with its numbers', async () => {
    const small = await createTestApp({ storageQuotaBytes: 4096 });
    try {
      const local = createServer({
        baseUrl: '',
        fetch: async (input, init) => small.app.request(input, init),
      });
      const vault = testVault('quota@example.org');
      const registered = await local.account.register({
        email: vault.email,
        keyring: vault.keyring as never,
        authPublicKey: vault.authPublicKey,
      });
      const signed = local.withToken(registered.token);
      expect((await signed.account.getAccount()).storage).toEqual({ used: 0, limit: 4096 });
      const big = envelope('big', 1, { ciphertext: 'A'.repeat(6000) });
      const refused = await failure(
        signed.replication.push([{ assumedMasterState: null, newDocumentState: big }]),
      );
      expect(refused.reason).toBe('quota-exceeded');
      expect(syncReason(refused)).toBe('quota-exceeded');
      expect(quotaFigures(refused)).toMatchObject({ usage: 0, limit: 4096 });
      expect(quotaFigures(refused)?.wouldUse).toBeGreaterThan(4096);
    } finally {
      await small.close();
    }
  });

  it('says when an email is taken', async () => {
    const vault = testVault('erin@example.org');
    const body = { email: vault.email, keyring: vault.keyring as never, authPublicKey: vault.authPublicKey };
    await server.account.register(body);
    expect(syncReason(await failure(server.account.register(body)))).toBe('account-exists');
  });
});

describe('transport failures', () => {
  const at = (fetchImpl: FetchLike) =>
    createServer({ baseUrl: 'https://s.example', token: TOKEN, fetch: fetchImpl });

  it('maps each failure to a reason, without body or token in the message', async () => {
    const secret = { error: { reason: 'bad-request', message: 'HIV test is not allowed' } };
    const cases: [FetchLike, string][] = [
      [async () => Promise.reject(new TypeError('fetch failed')), 'offline'],
      [fake(401, { error: { reason: 'unauthorized', message: 'x' } }), 'unauthorized'],
      [fake(409, { error: { reason: 'profile-limit', message: 'x' } }), 'profile-limit'],
      [fake(500, 'Internal error'), 'server'],
      [fake(503, ''), 'server'],
      [fake(400, secret), 'rejected'],
      [fake(200, 'not json'), 'bad-response'],
      [fake(200, { documents: [], checkpoint: { seq: -1 } }), 'bad-response'],
    ];
    for (const [fetchImpl, reason] of cases) {
      const error = await failure(at(fetchImpl).replication.pull({ seq: 0 }, 10));
      expect(syncReason(error), reason).toBe(reason);
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toContain('HIV');
    }
  });

  it('reads Retry-After on 429', async () => {
    const error = await failure(
      at(
        fake(429, { error: { reason: 'rate-limited', message: 'x' } }, { 'Retry-After': '12' }),
      ).account.prelogin('a@b.c'),
    );
    expect(error.reason).toBe('rate-limited');
    expect(error.meta.retryAfter).toBe(12);
  });

  it('keeps pulled documents unvalidated for the replication to check one by one', async () => {
    const page = await at(
      fake(200, { documents: [{ id: 'x', title: 'bad' }], checkpoint: { seq: 3 } }),
    ).replication.pull(null, 10);
    expect(page).toEqual({ documents: [{ id: 'x', title: 'bad' }], checkpoint: { seq: 3 } });
  });

  it('sends the token in the Authorization header only', async () => {
    let seen: RequestInit | undefined;
    let url = '';
    await at(async (input, init) => {
      url = input;
      seen = init;
      return new Response(JSON.stringify({ conflicts: [] }), { status: 200 });
    }).replication.push([]);
    expect(url).toBe('https://s.example/api/sync/push');
    expect((seen?.headers as Record<string, string> | undefined)?.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen?.credentials).toBe('omit');
  });
});
