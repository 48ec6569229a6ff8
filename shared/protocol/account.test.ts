import { beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountKeys, generateSalt } from '../crypto/account-keys.ts';
import { authKeyPair } from '../crypto/auth-proof.ts';
import { DEFAULT_KDF_PARAMS } from '../crypto/kdf-params.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { createVaultWithKeys } from '../crypto/keyring.ts';
import { initCrypto, sodium } from '../crypto/sodium.ts';
import { parseWith } from '../schema/readable-issues.ts';
import { issuesOf } from '../schema/testing.ts';
import {
  emailSchema,
  keyringUpdateRequestSchema,
  loginRequestSchema,
  preloginResponseSchema,
  registerRequestSchema,
} from './account.ts';
import { keyringSchema } from './keyring.ts';

describe('account messages', () => {
  let keyring: Keyring;
  let authPublicKey: string;
  beforeAll(async () => {
    await initCrypto();
    const keys = deriveAccountKeys(sodium().randombytes_buf(32));
    keyring = createVaultWithKeys(keys, generateSalt(), DEFAULT_KDF_PARAMS).keyring;
    authPublicKey = authKeyPair(keys.authKey).publicKey;
  });

  it('accepts the keyring the crypto core makes, as is', () => {
    expect(parseWith(keyringSchema, keyring)).toEqual({ ok: true, value: keyring });
  });

  it('refuses a keyring carrying anything more, or a KDF below the floor', () => {
    expect(issuesOf(keyringSchema, { ...keyring, vaultKey: 'AAAA' })).toEqual([
      { path: 'vaultKey', message: 'Unknown field "vaultKey" is not allowed here' },
    ]);
    expect(issuesOf(keyringSchema, { ...keyring, kdf: 'kdf1$argon2id13$m=1024$t=1' })).toEqual([
      { path: 'kdf', message: 'KDF must be a supported tag such as kdf1$argon2id13$m=65536$t=3' },
    ]);
    expect(issuesOf(keyringSchema, { ...keyring, salt: 'short' })).toEqual([
      { path: 'salt', message: 'Salt must be 22 base64url characters' },
    ]);
  });

  it('normalizes emails and refuses what is not one', () => {
    expect(emailSchema.parse('  Alice@Example.ORG ')).toBe('alice@example.org');
    for (const bad of ['', 'alice', 'a b@c.d', '@b.c', `${'a'.repeat(251)}@b.c`]) {
      expect(issuesOf(emailSchema, bad), bad).toEqual([
        { path: '', message: 'Email must be an address such as name@example.org' },
      ]);
    }
    expect(issuesOf(emailSchema, undefined)).toEqual([{ path: '', message: 'Email is required' }]);
  });

  it('parses register, login and keyring update requests', () => {
    const register = { email: 'a@b.c', keyring, authPublicKey };
    expect(parseWith(registerRequestSchema, register).ok).toBe(true);
    expect(issuesOf(registerRequestSchema, { ...register, authPublicKey: 'x' })).toEqual([
      { path: 'authPublicKey', message: 'Auth public key must be 43 base64url characters' },
    ]);
    expect(issuesOf(registerRequestSchema, { ...register, authKey: 'AAAA' })).toEqual([
      { path: 'authKey', message: 'Unknown field "authKey" is not allowed here' },
    ]);
    const login = { email: 'a@b.c', nonce: 'A'.repeat(43), signature: 'B'.repeat(86) };
    expect(parseWith(loginRequestSchema, login).ok).toBe(true);
    expect(issuesOf(loginRequestSchema, { ...login, signature: 'B'.repeat(85) })).toEqual([
      { path: 'signature', message: 'Signature must be 86 base64url characters' },
    ]);
    expect(parseWith(keyringUpdateRequestSchema, { keyring, authPublicKey }).ok).toBe(true);
  });

  it('answers pre-login with exactly the KDF tag and salt', () => {
    const answer = { kdf: keyring.kdf, salt: keyring.salt };
    expect(parseWith(preloginResponseSchema, answer)).toEqual({ ok: true, value: answer });
    expect(parseWith(preloginResponseSchema, { ...answer, exists: true }).ok).toBe(false);
  });
});
