/**
 * A stolen session token must not take the account for good: replacing the keyring (and with it
 * the login key), deleting the account and signing out the other devices need a fresh signed
 * challenge with the CURRENT auth key. Devices signed out that way are told why.
 */
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
  register,
  signIn,
  type TestVault,
  testVault,
} from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('fresh proofs for account changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  function newKeyring(vault: TestVault) {
    const keys = deriveAccountKeys(sodium().randombytes_buf(32));
    const { keyring } = rewrapVaultKey(
      vault.keyring,
      vault.vaultKey,
      keys,
      generateSalt(),
      DEFAULT_KDF_PARAMS,
    );
    return { keyring, authPublicKey: authKeyPair(keys.authKey).publicKey, authKey: keys.authKey };
  }

  async function expectProofRequired(res: Response) {
    expect(res.status).toBe(403);
    expect((await res.json()).error.reason).toBe('proof-required');
  }

  it('refuses every one of them with the session token alone, and the account is untouched', async () => {
    const owner = testVault('owner@example.org');
    const stolen = await register(t.fetcher, owner);
    const thief = newKeyring(owner);
    await expectProofRequired(
      await call('PUT', '/api/account/keyring', stolen, {
        keyring: thief.keyring,
        authPublicKey: thief.authPublicKey,
      }),
    );
    await expectProofRequired(await call('DELETE', '/api/account', stolen));
    await expectProofRequired(await call('DELETE', '/api/account', stolen, {}));
    await expectProofRequired(await call('POST', '/api/account/sign-out-others', stolen));
    // A proof signed by any other key (the thief's new one) is refused too, and uses up its nonce.
    const forged = await freshProof(t.fetcher, stolen, owner, thief.authKey);
    await expectProofRequired(
      await call('PUT', '/api/account/keyring', stolen, { ...thief, authKey: undefined, proof: forged }),
    );
    // The owner still signs in with the old passphrase and keeps the old keyring.
    expect((await signIn(t.fetcher, owner)).keyring).toEqual(owner.keyring);
  });

  it('accepts a fresh proof once; a login nonce or a used nonce is no proof', async () => {
    const owner = testVault('once@example.org');
    const token = await register(t.fetcher, owner);
    const next = newKeyring(owner);
    const body = { keyring: next.keyring, authPublicKey: next.authPublicKey };
    // A nonce from the login challenge, properly signed, is for logins only.
    const loginNonce = await challenge(t.fetcher, owner.email);
    const crossed = {
      email: owner.email,
      nonce: loginNonce,
      signature: signLoginProof(owner.authKey, loginNonce, owner.email),
    };
    await expectProofRequired(await call('PUT', '/api/account/keyring', token, { ...body, proof: crossed }));
    // Another account's email with this account's key: refused.
    const proof = await freshProof(t.fetcher, token, owner);
    const otherEmail = { ...proof, email: 'someone@example.org' };
    await expectProofRequired(
      await call('PUT', '/api/account/keyring', token, { ...body, proof: otherEmail }),
    );
    const good = await freshProof(t.fetcher, token, owner);
    expect((await call('PUT', '/api/account/keyring', token, { ...body, proof: good })).status).toBe(204);
    // Replayed: the nonce is gone. And the proof must now come from the NEW key.
    await expectProofRequired(await call('PUT', '/api/account/keyring', token, { ...body, proof: good }));
    await expectProofRequired(
      await call('POST', '/api/account/sign-out-others', token, {
        proof: await freshProof(t.fetcher, token, owner),
      }),
    );
    const withNewKey = await freshProof(t.fetcher, token, owner, next.authKey);
    expect((await call('POST', '/api/account/sign-out-others', token, { proof: withNewKey })).status).toBe(
      204,
    );
  });

  it('tells the devices it signed out why: keyring changed, or signed out from another device', async () => {
    const owner = testVault('devices@example.org');
    const laptop = await register(t.fetcher, owner);
    const phone = (await signIn(t.fetcher, owner)).token;
    const tablet = (await signIn(t.fetcher, owner)).token;

    const proof = await freshProof(t.fetcher, laptop, owner);
    expect((await call('POST', '/api/account/sign-out-others', laptop, { proof })).status).toBe(204);
    for (const token of [phone, tablet]) {
      const res = await call('POST', '/api/sync/pull', token, { checkpoint: null, batchSize: 1 });
      expect(res.status).toBe(401);
      expect((await res.json()).error.reason).toBe('signed-out-elsewhere');
    }
    expect((await call('GET', '/api/account', laptop)).status).toBe(200);

    const desktop = (await signIn(t.fetcher, owner)).token;
    const next = newKeyring(owner);
    const change = {
      keyring: next.keyring,
      authPublicKey: next.authPublicKey,
      proof: await freshProof(t.fetcher, laptop, owner),
    };
    expect((await call('PUT', '/api/account/keyring', laptop, change)).status).toBe(204);
    const res = await call('GET', '/api/account', desktop);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect((await res.json()).error.reason).toBe('signed-out-keyring-changed');
    // A token that never existed is still a plain 401.
    const unknown = await call('GET', '/api/account', 'A'.repeat(43));
    expect((await unknown.json()).error.reason).toBe('unauthorized');
  });

  it('deletes the account with a fresh proof', async () => {
    const owner = testVault('leaving@example.org');
    const token = await register(t.fetcher, owner);
    const proof = await freshProof(t.fetcher, token, owner);
    expect((await call('DELETE', '/api/account', token, { proof })).status).toBe(204);
    expect((await call('GET', '/api/account', token)).status).toBe(401);
  });
});
