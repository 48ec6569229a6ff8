import { beforeAll, describe, expect, it } from 'vitest';
import {
  authKeyPair,
  emailDigest,
  loginProofMessage,
  normalizeEmail,
  signLoginProof,
  verifyLoginProof,
} from './auth-proof.ts';
import { fromBase64, fromUtf8, toBase64 } from './encoding.ts';
import { initCrypto, sodium } from './sodium.ts';
import { flipByte } from './testing.ts';

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U';

describe('auth proof', () => {
  let authKey: Uint8Array;
  beforeAll(async () => {
    await initCrypto();
    authKey = sodium().randombytes_buf(32);
  });

  it('normalizes the email the same way everywhere', () => {
    expect(normalizeEmail('  Alice@Example.ORG ')).toBe('alice@example.org');
    expect(emailDigest('Alice@example.org')).toBe(emailDigest('alice@example.org '));
    expect(emailDigest('alice@example.org')).not.toContain('alice');
  });

  it('derives the same public key from the same auth key', () => {
    expect(authKeyPair(authKey).publicKey).toBe(authKeyPair(authKey.slice()).publicKey);
    expect(authKeyPair(authKey).publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('signs a domain-separated message', () => {
    expect(fromUtf8(loginProofMessage(NONCE, 'a@b.c'))).toBe(
      `carnet-login-v1|${NONCE}|${emailDigest('a@b.c')}`,
    );
  });

  it('verifies a good proof and refuses another nonce, email, key or a mangled signature', () => {
    const { publicKey } = authKeyPair(authKey);
    const sig = signLoginProof(authKey, NONCE, 'a@b.c');
    expect(verifyLoginProof(publicKey, NONCE, 'A@B.C', sig)).toBe(true);
    expect(verifyLoginProof(publicKey, `${NONCE}x`, 'a@b.c', sig)).toBe(false);
    expect(verifyLoginProof(publicKey, NONCE, 'other@b.c', sig)).toBe(false);
    expect(verifyLoginProof(authKeyPair(sodium().randombytes_buf(32)).publicKey, NONCE, 'a@b.c', sig)).toBe(
      false,
    );
    // Flip one bit of the decoded signature: editing base64 text could leave the bytes unchanged.
    expect(verifyLoginProof(publicKey, NONCE, 'a@b.c', toBase64(flipByte(fromBase64(sig), 10)))).toBe(false);
    expect(verifyLoginProof(publicKey, NONCE, 'a@b.c', 'not base64!')).toBe(false);
    expect(verifyLoginProof('short', NONCE, 'a@b.c', sig)).toBe(false);
  });
});
