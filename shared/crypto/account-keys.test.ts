import { beforeAll, describe, expect, it } from 'vitest';
import { accountKeysFromPassphrase, deriveRootKey, generateSalt, SALT_BYTES } from './account-keys.ts';
import { toBase64 } from './encoding.ts';
import { DEFAULT_KDF_PARAMS } from './kdf-params.ts';
import { initCrypto } from './sodium.ts';
import { expectReason } from './testing.ts';

beforeAll(initCrypto);

describe('account keys', () => {
  it('derives the same keys from the same passphrase and salt, and different ones otherwise', () => {
    const salt = generateSalt();
    expect(salt).toHaveLength(SALT_BYTES);
    const a = accountKeysFromPassphrase('correct horse battery staple', salt, DEFAULT_KDF_PARAMS);
    const b = accountKeysFromPassphrase('correct horse battery staple', salt, DEFAULT_KDF_PARAMS);
    const otherSalt = accountKeysFromPassphrase(
      'correct horse battery staple',
      generateSalt(),
      DEFAULT_KDF_PARAMS,
    );
    expect(a.keyEncryptionKey.id).toBe(b.keyEncryptionKey.id);
    expect(toBase64(a.authKey)).toBe(toBase64(b.authKey));
    expect(otherSalt.keyEncryptionKey.id).not.toBe(a.keyEncryptionKey.id);
  });

  it('keeps the auth key independent of the key-encryption key', () => {
    const keys = accountKeysFromPassphrase(
      'correct horse battery staple',
      generateSalt(),
      DEFAULT_KDF_PARAMS,
    );
    expect(toBase64(keys.authKey)).not.toBe(toBase64(keys.keyEncryptionKey.bytes));
    expect(keys.authKey).toHaveLength(32);
  });

  it('treats composed and decomposed Unicode passphrases alike (NFC)', () => {
    const salt = generateSalt();
    const composed = accountKeysFromPassphrase('café crème brûlée', salt, DEFAULT_KDF_PARAMS);
    const decomposed = accountKeysFromPassphrase(
      'cafe\u0301 cre\u0300me bru\u0302le\u0301e',
      salt,
      DEFAULT_KDF_PARAMS,
    );
    expect(decomposed.keyEncryptionKey.id).toBe(composed.keyEncryptionKey.id);
  });

  it('refuses a bad salt, an empty passphrase and weak parameters', () => {
    expectReason(() => deriveRootKey('x', new Uint8Array(8), DEFAULT_KDF_PARAMS), 'invalid-input');
    expectReason(() => deriveRootKey('', generateSalt(), DEFAULT_KDF_PARAMS), 'invalid-input');
    expectReason(
      () => deriveRootKey('x', generateSalt(), { ...DEFAULT_KDF_PARAMS, memoryKiB: 8192 }),
      'weak-kdf-params',
    );
  });
});
