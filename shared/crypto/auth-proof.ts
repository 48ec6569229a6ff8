/**
 * Login proof for the sync server (docs/architecture.md §3.2, §7.2): challenge–response with an Ed25519 key pair
 * derived from the account's auth key, so the server stores only a public key — a verifier that
 * decrypts nothing and cannot be replayed as a password.
 *
 *   authKey ─crypto_sign_seed_keypair─▶ (authPublicKey → server at register, authSecretKey stays here)
 *   server: challenge nonce (random, single use, 2 min) → client signs
 *           `carnet-login-v1|<nonce>|<emailDigest>` → server verifies with the stored public key.
 *
 * Invariants: the context string separates this signature from every other use of Ed25519 in the
 * app; the email digest binds the proof to one account; `emailDigest` is computable by the client
 * (SHA-256 of the normalized email), unlike the server's keyed email hash, which never leaves it.
 */
import { fromBase64, toBase64, utf8 } from './encoding.ts';
import { sodium } from './sodium.ts';

export const LOGIN_PROOF_CONTEXT = 'carnet-login-v1';

/** One spelling per mailbox: the same address typed on two devices must name the same account. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Public, unkeyed digest of the normalized email, bound into the signed login message. */
export function emailDigest(email: string): string {
  return toBase64(sodium().crypto_hash_sha256(utf8(normalizeEmail(email))));
}

export function loginProofMessage(nonce: string, email: string): Uint8Array {
  return utf8(`${LOGIN_PROOF_CONTEXT}|${nonce}|${emailDigest(email)}`);
}

export interface AuthKeyPair {
  /** base64url, 32 bytes: what the server stores. */
  readonly publicKey: string;
  readonly secretKey: Uint8Array;
}

/** Deterministic: the same auth key (same passphrase and salt) gives the same key pair on every device. */
export function authKeyPair(authKey: Uint8Array): AuthKeyPair {
  const pair = sodium().crypto_sign_seed_keypair(authKey);
  return { publicKey: toBase64(pair.publicKey), secretKey: pair.privateKey };
}

/** The `signature` field of `POST /api/auth/login`, base64url. */
export function signLoginProof(authKey: Uint8Array, nonce: string, email: string): string {
  const s = sodium();
  const { secretKey } = authKeyPair(authKey);
  try {
    return toBase64(s.crypto_sign_detached(loginProofMessage(nonce, email), secretKey));
  } finally {
    s.memzero(secretKey);
  }
}

/** Server side: true only for a valid signature by `publicKey` over this nonce and email. */
export function verifyLoginProof(
  publicKey: string,
  nonce: string,
  email: string,
  signature: string,
): boolean {
  const s = sodium();
  try {
    const key = fromBase64(publicKey, 'authPublicKey');
    const sig = fromBase64(signature, 'signature');
    if (key.length !== s.crypto_sign_PUBLICKEYBYTES || sig.length !== s.crypto_sign_BYTES) return false;
    return s.crypto_sign_verify_detached(sig, loginProofMessage(nonce, email), key);
  } catch {
    return false;
  }
}
