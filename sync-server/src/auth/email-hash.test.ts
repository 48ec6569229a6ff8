import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { createEmailHasher } from './email-hash.ts';
import { loadServerKey, SERVER_SECRET_FILE, serverKeyFromSecret } from './server-secret.ts';

beforeAll(() => initCrypto());

describe('email hashes', () => {
  it('are keyed: the same email hashes differently under another server key', () => {
    const one = createEmailHasher(sodium().randombytes_buf(32));
    const two = createEmailHasher(sodium().randombytes_buf(32));
    expect(one.hash('a@b.c')).toBe(one.hash('a@b.c'));
    expect(one.hash('a@b.c')).not.toBe(two.hash('a@b.c'));
    expect(one.hash('a@b.c')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('give a stable 16-byte fake salt per unknown email', () => {
    const hasher = createEmailHasher(sodium().randombytes_buf(32));
    const salt = hasher.fakeSalt(hasher.hash('x@y.z'));
    expect(salt).toBe(hasher.fakeSalt(hasher.hash('x@y.z')));
    expect(salt).not.toBe(hasher.fakeSalt(hasher.hash('w@y.z')));
    expect(salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('server secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is created once in the data folder, readable by the owner only, and kept', () => {
    const first = loadServerKey(undefined, dir);
    const file = join(dir, SERVER_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(loadServerKey(undefined, dir)).toEqual(first);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('comes from SERVER_SECRET when set, and refuses a short one', () => {
    const secret = 'a long enough server secret, 32+ chars';
    expect(loadServerKey(secret, dir)).toEqual(serverKeyFromSecret(secret));
    expect(loadServerKey(secret, dir)).not.toEqual(loadServerKey(undefined, dir));
    expect(() => serverKeyFromSecret('short')).toThrow(/at least 32/);
  });
});
