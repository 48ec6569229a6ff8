import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountKeys, generateSalt } from '../../../shared/crypto/account-keys.ts';
import { authKeyPair, signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { DEFAULT_KDF_PARAMS } from '../../../shared/crypto/kdf-params.ts';
import { rewrapVaultKey } from '../../../shared/crypto/keyring.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import {
  challenge,
  freshProof,
  jsonInit,
  pull,
  push,
  register,
  signIn,
  testVault,
} from '../testing/api-client.ts';
import { create, envelope } from '../testing/envelopes.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  it('refuses every account route without a valid session', async () => {
    for (const [method, path] of [
      ['GET', '/api/account'],
      ['DELETE', '/api/account'],
      ['PUT', '/api/account/keyring'],
    ] as const) {
      for (const auth of [undefined, 'Bearer nope', `Bearer ${'A'.repeat(43)}`, 'Basic abc']) {
        const res = await t.fetcher(path, { method, headers: auth ? { Authorization: auth } : {} });
        expect(res.status, `${method} ${path} ${auth}`).toBe(401);
      }
    }
  });

  it('replaces the keyring after a passphrase change and signs the other devices out', async () => {
    const vault = testVault('erin@example.org');
    const token = await register(t.fetcher, vault);
    const otherDevice = (await signIn(t.fetcher, vault)).token;

    const newKeys = deriveAccountKeys(sodium().randombytes_buf(32));
    const { keyring } = rewrapVaultKey(
      vault.keyring,
      vault.vaultKey,
      newKeys,
      generateSalt(),
      DEFAULT_KDF_PARAMS,
    );
    const authPublicKey = authKeyPair(newKeys.authKey).publicKey;
    const proof = await freshProof(t.fetcher, token, vault);
    const res = await call('PUT', '/api/account/keyring', token, { keyring, authPublicKey, proof });
    expect(res.status).toBe(204);

    expect(await (await call('GET', '/api/account', token)).json()).toMatchObject({ keyring });
    const signedOut = await call('GET', '/api/account', otherDevice);
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.reason).toBe('signed-out-keyring-changed');
    const prelogin = await t.fetcher('/api/auth/prelogin', jsonInit('POST', { email: vault.email }));
    expect(await prelogin.json()).toEqual({ kdf: keyring.kdf, salt: keyring.salt });

    // The old auth key no longer signs in; the new one does.
    const nonce = await challenge(t.fetcher, vault.email);
    const old = { email: vault.email, nonce, signature: signLoginProof(vault.authKey, nonce, vault.email) };
    expect((await t.fetcher('/api/auth/login', jsonInit('POST', old))).status).toBe(401);
    expect((await signIn(t.fetcher, { ...vault, authKey: newKeys.authKey })).keyring).toEqual(keyring);
  });

  it('deletes the account and everything in it at once', async () => {
    const vault = testVault('frank@example.org');
    const token = await register(t.fetcher, vault);
    const second = (await signIn(t.fetcher, vault)).token;
    await push(t.fetcher, token, [create(envelope('r1')), create(envelope('r2'))]);

    const proof = await freshProof(t.fetcher, token, vault);
    expect((await call('DELETE', '/api/account', token, { proof })).status).toBe(204);
    for (const session of [token, second]) {
      expect((await call('GET', '/api/account', session)).status).toBe(401);
      expect(
        (await call('POST', '/api/sync/pull', session, { checkpoint: null, batchSize: 10 })).status,
      ).toBe(401);
    }
    // The email is free again, and the new account starts empty.
    const again = await register(t.fetcher, vault);
    expect((await pull(t.fetcher, again, null)).documents).toEqual([]);
  });

  it('keeps the signed acceptance of the terms with the account, for this account only', async () => {
    const vault = testVault('terms@example.org');
    const token = await register(t.fetcher, vault);
    const other = await register(t.fetcher, testVault('terms-other@example.org'));
    expect((await (await call('GET', '/api/account', token)).json()).terms).toBeNull();

    const record = {
      version: 1,
      acceptedAt: '2026-12-04T10:00:00.000Z',
      adult: true,
      signature: 'A'.repeat(86),
    };
    expect((await call('PUT', '/api/account/terms', token, record)).status).toBe(204);
    expect((await (await call('GET', '/api/account', token)).json()).terms).toEqual(record);
    expect((await (await call('GET', '/api/account', other)).json()).terms).toBeNull();

    // Not 18 or over, an unknown field, a missing signature, no session: refused, nothing changed.
    for (const bad of [
      { ...record, adult: false },
      { ...record, extra: 1 },
      { version: 2, acceptedAt: record.acceptedAt, adult: true },
      { ...record, acceptedAt: 'yesterday' },
    ]) {
      expect((await call('PUT', '/api/account/terms', token, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.fetcher('/api/account/terms', jsonInit('PUT', record))).status).toBe(401);
    expect((await call('GET', '/api/account/terms', token)).status).toBe(405);
    expect((await (await call('GET', '/api/account', token)).json()).terms).toEqual(record);
  });
});
