import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountKeys, generateSalt } from '../../../shared/crypto/account-keys.ts';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { utf8 } from '../../../shared/crypto/encoding.ts';
import { isCryptoError } from '../../../shared/crypto/errors.ts';
import { blake2b } from '../../../shared/crypto/hash.ts';
import { DEFAULT_KDF_PARAMS } from '../../../shared/crypto/kdf-params.ts';
import { createVaultWithKeys } from '../../../shared/crypto/keyring.ts';
import { randomBytes } from '../../../shared/crypto/random.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, symmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import type { AccountApi } from '../server/account.ts';
import { createServer, type Server } from '../server/server.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import {
  openSyncCredentials,
  sealSyncCredentials,
  signInOnThisDevice,
  turnOnSync,
} from './sync-credentials.ts';

const credentials = { email: 'a@b.org', token: 'x'.repeat(43), serverUrl: 'https://s.example', expiresAt: 1 };

/** Argon2id stands in: a keyed hash of the passphrase, so the flow runs in milliseconds. */
const fastKdf: KdfRunner = async (passphrase, salt) =>
  deriveAccountKeys(blake2b(utf8(`${passphrase}|${Buffer.from(salt).toString('hex')}`), 32));

describe('sync credentials at rest', () => {
  beforeAll(initCrypto);

  it('round-trips under the vault key and refuses another key or an edit', () => {
    const key = generateKey();
    const sealed = sealSyncCredentials(credentials, key, 3);
    expect(sealed).not.toContain(credentials.token);
    expect(sealed).not.toContain('a@b.org');
    expect(openSyncCredentials(sealed, key)).toEqual({ ...credentials, rev: 3 });
    expect(() => openSyncCredentials(sealed, generateKey())).toThrow(/another key/);
    const edited = JSON.stringify({ ...JSON.parse(sealed), rev: 2 });
    expect(() => openSyncCredentials(edited, key)).toSatisfy((fn: () => unknown) => {
      try {
        fn();
        return false;
      } catch (error) {
        return isCryptoError(error, 'tampered');
      }
    });
    expect(() => openSyncCredentials('{', key)).toThrow(/malformed/);
  });

  it('still opens credentials sealed in the earlier record-envelope form, and re-seals them anew', () => {
    // Sealed by the code that preceded local sealing, under a key of 32 bytes of 7.
    const key = symmetricKey(new Uint8Array(32).fill(7));
    const legacy =
      '{"rev":3,"keyId":"M4DjLa90_5NtBwG7","schemaVersion":1,"nonce":"8FhHCiHrwlt6JVgwTzECiXw0vgQc71vo","ciphertext":"2E9bVKvO0_45BsW6mpzjOiezBACOAyh6AV0HiWvCwN6E3fT3WTUFvCo8Kd63kEsfcnVOqx7RilnFN_LY-cOfdZDMwUY42zOCqBsX5fYqYGZcVBsMnM12C51AR0xs9VO0b7HI7t98KvoL86ODCXIC5BY-1jlfLfdOVlPIojo1OUkvVAWQX8ydnHFmHrtzwEmN_zxVJ0EjUN0ufC-Jx0BGLxtmuZRvoqRoVZQ3rgj0qKnxSV8QWWPmtqApqE4vyUn62AoBZqKMU4x3L2zA9UN47qn2tezTc_Euv9RHqV7tVpsb_J_hjIVxFdJxQYzJd16HZYSuxh19JJz9c6ZPtWLKhAwXioKjsIZDvLlPzkdpx8o"}';
    expect(openSyncCredentials(legacy, key)).toEqual({ ...credentials, rev: 3 });
    expect(() => openSyncCredentials(legacy, generateKey())).toThrow(/another key/);
    const resealed = JSON.parse(sealSyncCredentials(credentials, key, 4));
    expect(Object.keys(resealed).sort()).toEqual(['by', 'ciphertext', 'nonce', 'rev']);
  });
});

describe('turn on sync, then sign in on another device', () => {
  let t: TestApp;
  let server: Server;
  let api: AccountApi;
  beforeAll(async () => {
    await initCrypto();
    t = await createTestApp();
    server = createServer({
      baseUrl: 'http://carnet.test',
      fetch: async (input, init) => t.app.request(input, init),
    });
    api = server.account;
  });
  afterAll(() => t.close());

  it('registers with the passphrase confirmed, and signs in elsewhere to the same vault key', async () => {
    const salt = generateSalt();
    const keys = await fastKdf('correct horse', salt, DEFAULT_KDF_PARAMS);
    const vault = createVaultWithKeys(keys, salt, DEFAULT_KDF_PARAMS);
    const wrong = turnOnSync({
      api,
      email: 'Léa@Example.org',
      keyring: vault.keyring,
      proof: { passphrase: 'typo', kdf: fastKdf },
    });
    await expect(wrong).rejects.toSatisfy((e: unknown) => isCryptoError(e, 'wrong-passphrase'));

    const on = await turnOnSync({
      api,
      email: ' Léa@Example.org',
      keyring: vault.keyring,
      proof: { passphrase: 'correct horse', kdf: fastKdf },
    });
    expect(on.email).toBe('léa@example.org');
    expect(on.serverUrl).toBe('http://carnet.test');

    const signed = await signInOnThisDevice({
      api,
      email: 'LÉA@example.org',
      passphrase: 'correct horse',
      kdf: fastKdf,
    });
    expect(signed.session.vaultKey.id).toBe(vault.vaultKey.id);
    expect(signed.keyring).toEqual(vault.keyring);
    await expect(
      signInOnThisDevice({ api, email: 'léa@example.org', passphrase: 'nope', kdf: fastKdf }),
    ).rejects.toMatchObject({
      reason: 'unauthorized',
    });
  });

  it('accepts the auth key instead of the passphrase', async () => {
    const keys = deriveAccountKeys(randomBytes(32));
    const vault = createVaultWithKeys(keys, generateSalt(), DEFAULT_KDF_PARAMS);
    const on = await turnOnSync({
      api,
      email: 'sam@example.org',
      keyring: vault.keyring,
      proof: { authKey: keys.authKey },
    });
    expect((await server.withToken(on.token).account.getAccount()).keyring).toEqual(vault.keyring);
    expect(authKeyPair(keys.authKey).publicKey).toHaveLength(43);
  });
});
