import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_PARAMS, decodeKdfParams, encodeKdfParams, type KdfParams } from './kdf-params.ts';
import { expectReason } from './testing.ts';

describe('KDF parameters', () => {
  it('defaults to at least 64 MiB and 3 passes of Argon2id', () => {
    expect(DEFAULT_KDF_PARAMS.algorithm).toBe('argon2id13');
    expect(DEFAULT_KDF_PARAMS.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(DEFAULT_KDF_PARAMS.passes).toBeGreaterThanOrEqual(3);
  });

  it('round-trips through the version tag', () => {
    const stronger: KdfParams = { version: 1, algorithm: 'argon2id13', memoryKiB: 262144, passes: 4 };
    for (const params of [DEFAULT_KDF_PARAMS, stronger]) {
      const tag = encodeKdfParams(params);
      expect(decodeKdfParams(tag)).toEqual(params);
    }
    expect(encodeKdfParams(DEFAULT_KDF_PARAMS)).toBe('kdf1$argon2id13$m=65536$t=3');
  });

  it('refuses an unknown version or algorithm as unsupported', () => {
    expectReason(() => decodeKdfParams('kdf2$argon2id13$m=65536$t=3'), 'unsupported-version');
    expectReason(() => decodeKdfParams('kdf1$scrypt$m=65536$t=3'), 'unsupported-version');
  });

  it('refuses a downgrade below the floor (a hostile server cannot weaken the KDF)', () => {
    expectReason(() => decodeKdfParams('kdf1$argon2id13$m=1024$t=3'), 'weak-kdf-params');
    expectReason(() => decodeKdfParams('kdf1$argon2id13$m=65536$t=1'), 'weak-kdf-params');
  });

  it('refuses malformed or absurd tags', () => {
    for (const tag of [
      '',
      'kdf1$argon2id13$m=65536',
      'kdf1$argon2id13$m=-1$t=3',
      'kdf1$argon2id13$m=65536$t=3 ',
    ]) {
      expectReason(() => decodeKdfParams(tag), 'invalid-input');
    }
    expectReason(() => decodeKdfParams('kdf1$argon2id13$m=99999999$t=3'), 'invalid-input');
    expectReason(() => decodeKdfParams('kdf1$argon2id13$m=65536$t=500'), 'invalid-input');
  });
});
