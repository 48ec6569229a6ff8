import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { preloginResponseSchema } from '../../../shared/protocol/account.ts';
import { keyringSchema } from '../../../shared/protocol/keyring.ts';
import { FAKE_KDF_TAG } from '../auth/email-hash.ts';
import {
  challenge,
  jsonInit,
  pull,
  register,
  signIn,
  type TestVault,
  testVault,
} from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('auth', () => {
  let t: TestApp;
  let alice: TestVault;
  beforeAll(async () => {
    t = await createTestApp();
    alice = testVault('alice@example.org');
    await register(t.fetcher, alice);
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, token?: string) =>
    t.fetcher(path, jsonInit('POST', body, token));

  it('registers a vault once per email, whatever its spelling', async () => {
    const again = await post('/api/auth/register', {
      email: '  ALICE@example.org ',
      keyring: alice.keyring,
      authPublicKey: alice.authPublicKey,
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { reason: 'conflict', message: 'An account is already registered with this email' },
    });
  });

  it('refuses a keyring with an extra field, and a weak KDF', async () => {
    const leaky = { ...alice.keyring, authKey: 'AAAA' };
    const res = await post('/api/auth/register', {
      email: 'x@y.z',
      keyring: leaky,
      authPublicKey: alice.authPublicKey,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('authKey');
    const weak = { ...alice.keyring, kdf: 'kdf1$argon2id13$m=1024$t=1' };
    const res2 = await post('/api/auth/register', {
      email: 'x@y.z',
      keyring: weak,
      authPublicKey: alice.authPublicKey,
    });
    expect(res2.status).toBe(400);
  });

  it('answers pre-login with the account KDF tag and salt', async () => {
    const res = await post('/api/auth/prelogin', { email: 'Alice@Example.org' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kdf: alice.keyring.kdf, salt: alice.keyring.salt });
  });

  it('answers pre-login for an unknown email with a stable fake of the same shape', async () => {
    const first = await (await post('/api/auth/prelogin', { email: 'nobody@example.org' })).json();
    const second = await (await post('/api/auth/prelogin', { email: 'NOBODY@example.org' })).json();
    const other = await (await post('/api/auth/prelogin', { email: 'someone@example.org' })).json();
    expect(first).toEqual(second);
    expect(first.salt).not.toBe(other.salt);
    expect(first.kdf).toBe(FAKE_KDF_TAG);
    expect(preloginResponseSchema.safeParse(first).success).toBe(true);
    expect(Object.keys(first).sort()).toEqual(Object.keys({ kdf: 1, salt: 1 }).sort());
    expect(first.salt).toHaveLength(alice.keyring.salt.length);
  });

  it('gives a challenge for unknown emails too', async () => {
    const known = await post('/api/auth/challenge', { email: alice.email });
    const unknown = await post('/api/auth/challenge', { email: 'nobody@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const [a, b] = [await known.json(), await unknown.json()];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('signs in with a proof of the auth key and returns a session and the keyring', async () => {
    const login = await signIn(t.fetcher, alice);
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.expiresAt).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(keyringSchema.parse(login.keyring)).toEqual(alice.keyring);
    expect((await pull(t.fetcher, login.token, null)).documents).toEqual([]);
    const account = await t.fetcher('/api/account', jsonInit('GET', undefined, login.token));
    expect(await account.json()).toMatchObject({ keyring: alice.keyring });
  });

  it('refuses a replayed nonce', async () => {
    const nonce = await challenge(t.fetcher, alice.email);
    const body = { email: alice.email, nonce, signature: signLoginProof(alice.authKey, nonce, alice.email) };
    expect((await post('/api/auth/login', body)).status).toBe(200);
    const replay = await post('/api/auth/login', body);
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.reason).toBe('unauthorized');
  });

  it('refuses a wrong signature, and burns the nonce it was tried with', async () => {
    const nonce = await challenge(t.fetcher, alice.email);
    const mallory = testVault(alice.email);
    const wrong = {
      email: alice.email,
      nonce,
      signature: signLoginProof(mallory.authKey, nonce, alice.email),
    };
    expect((await post('/api/auth/login', wrong)).status).toBe(401);
    const right = { ...wrong, signature: signLoginProof(alice.authKey, nonce, alice.email) };
    expect((await post('/api/auth/login', right)).status).toBe(401);
  });

  it('refuses a nonce issued for another email and an unknown nonce', async () => {
    const bob = testVault('bob@example.org');
    await register(t.fetcher, bob);
    const nonce = await challenge(t.fetcher, bob.email);
    const crossed = {
      email: alice.email,
      nonce,
      signature: signLoginProof(alice.authKey, nonce, alice.email),
    };
    expect((await post('/api/auth/login', crossed)).status).toBe(401);
    const made = 'A'.repeat(43);
    const unknown = {
      email: alice.email,
      nonce: made,
      signature: signLoginProof(alice.authKey, made, alice.email),
    };
    expect((await post('/api/auth/login', unknown)).status).toBe(401);
  });

  it('refuses a login for an unknown email with the same answer', async () => {
    const ghost = testVault('ghost@example.org');
    const nonce = await challenge(t.fetcher, ghost.email);
    const res = await post('/api/auth/login', {
      email: ghost.email,
      nonce,
      signature: signLoginProof(ghost.authKey, nonce, ghost.email),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        reason: 'unauthorized',
        message: 'Sign-in failed: wrong passphrase, or the challenge expired',
      },
    });
  });

  it('refuses an expired challenge', async () => {
    let clock = Date.now();
    const timed = await createTestApp({ now: () => clock });
    try {
      const carol = testVault('carol@example.org');
      await register(timed.fetcher, carol);
      const nonce = await challenge(timed.fetcher, carol.email);
      clock += 2 * 60 * 1000 + 1;
      const res = await timed.fetcher(
        '/api/auth/login',
        jsonInit('POST', {
          email: carol.email,
          nonce,
          signature: signLoginProof(carol.authKey, nonce, carol.email),
        }),
      );
      expect(res.status).toBe(401);
    } finally {
      await timed.close();
    }
  });

  it('logs out: the token stops working, other sessions do not', async () => {
    const one = await signIn(t.fetcher, alice);
    const two = await signIn(t.fetcher, alice);
    const out = await post('/api/auth/logout', undefined, one.token);
    expect(out.status).toBe(204);
    expect((await t.fetcher('/api/account', jsonInit('GET', undefined, one.token))).status).toBe(401);
    expect((await t.fetcher('/api/account', jsonInit('GET', undefined, two.token))).status).toBe(200);
    expect((await post('/api/auth/logout', undefined, one.token)).status).toBe(401);
  });

  it('expires sessions after 30 days', async () => {
    let clock = Date.now();
    const timed = await createTestApp({ now: () => clock });
    try {
      const token = await register(timed.fetcher, testVault('dan@example.org'));
      clock += 29 * 24 * 3600 * 1000;
      expect((await timed.fetcher('/api/account', jsonInit('GET', undefined, token))).status).toBe(200);
      clock += 24 * 3600 * 1000;
      const expired = await timed.fetcher('/api/account', jsonInit('GET', undefined, token));
      expect(expired.status).toBe(401);
      expect(expired.headers.get('WWW-Authenticate')).toBe('Bearer');
    } finally {
      await timed.close();
    }
  });
});
