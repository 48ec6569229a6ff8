/**
 * Account and session messages of the sync API (docs/architecture.md §7), shared by client and server.
 *
 * - Register `{email, keyring, authPublicKey}`: an existing local vault becomes a sync account. The
 *   server keeps the keyring (no secret in clear), the Ed25519 public key derived from the auth key
 *   (shared/crypto/auth-proof.ts) and a keyed hash of the email, never the email itself.
 * - Pre-login `{email} → {kdf, salt}`: what the client needs to run Argon2id. For an unknown email the
 *   answer is a deterministic fake of the same shape, so accounts cannot be enumerated.
 * - Challenge `{email} → {nonce}`, then login `{email, nonce, signature}` → a session token, shown
 *   once and stored hashed by the server. Nonces are single use and expire after two minutes.
 * - Emails are normalized (NFC, trimmed, lower case) by the schema, so both sides hash one spelling.
 */
import { normalizeEmail } from '../crypto/auth-proof.ts';
import { messages } from '../schema/common.ts';
import { z } from '../schema/zod.ts';
import { deviceNameSchema } from './devices.ts';
import { base64urlField, keyringSchema } from './keyring.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const CHALLENGE_TTL_MS = 2 * 60 * 1000;

/** 32 random bytes, base64url: the bearer token of a session. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const EMAIL_MESSAGE = 'Email must be an address such as name@example.org';

export const emailSchema = z
  .string({ error: messages('Email', 'Email must be text') })
  .max(320, EMAIL_MESSAGE)
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .max(254, EMAIL_MESSAGE)
      .regex(/^[^\s@]+@[^\s@]+$/, EMAIL_MESSAGE),
  );

/** The auth key's Ed25519 public key, 32 bytes. */
const authPublicKey = base64urlField('Auth public key', { exact: 43 });

export const registerRequestSchema = z.strictObject({
  email: emailSchema,
  keyring: keyringSchema,
  authPublicKey,
  /** What this device calls itself in the account's device list (shared/protocol/devices.ts). */
  deviceName: deviceNameSchema.optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

/** Answer to register and login: the token is returned once; only its hash is kept. */
export const sessionResponseSchema = z.strictObject({
  token: z.string().regex(SESSION_TOKEN_PATTERN, 'Token must be 43 base64url characters'),
  /** Milliseconds since the epoch. */
  expiresAt: z.int().min(0),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const preloginRequestSchema = z.strictObject({ email: emailSchema });
export type PreloginRequest = z.infer<typeof preloginRequestSchema>;

export const preloginResponseSchema = keyringSchema.pick({ kdf: true, salt: true });
export type PreloginResponse = z.infer<typeof preloginResponseSchema>;

export const challengeRequestSchema = z.strictObject({ email: emailSchema });
export type ChallengeRequest = z.infer<typeof challengeRequestSchema>;

export const challengeResponseSchema = z.strictObject({
  /** 32 random bytes, base64url; sign it with `signLoginProof`. */
  nonce: base64urlField('Nonce', { exact: 43 }),
  expiresAt: z.int().min(0),
});
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  nonce: base64urlField('Nonce', { exact: 43 }),
  /** Ed25519 signature, 64 bytes. */
  signature: base64urlField('Signature', { exact: 86 }),
  deviceName: deviceNameSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = sessionResponseSchema.extend({ keyring: keyringSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/**
 * The account holder's acceptance of the terms of use (issue 18 item 5): which version, when, the 18+
 * declaration, signed with the holder's identity key (shared/crypto/terms-proof.ts) so that a device
 * can tell it was made by a device of this vault. No health data; the server keeps it as given.
 */
export const termsRecordSchema = z.strictObject({
  version: z.int().min(1).max(100_000),
  acceptedAt: z.iso.datetime({ offset: true }),
  adult: z.literal(true),
  /** Ed25519 signature, 64 bytes. */
  signature: base64urlField('Signature', { exact: 86 }),
});
export type TermsRecord = z.infer<typeof termsRecordSchema>;

export const accountResponseSchema = z.strictObject({
  keyring: keyringSchema,
  /** The recorded acceptance of the terms; null before one; servers before it omit it. */
  terms: termsRecordSchema.nullable().optional(),
  /** Ciphertext bytes the account stores and may store (the server's quota); servers before it omit it. */
  storage: z.strictObject({ used: z.int().min(0), limit: z.int().min(0) }).optional(),
});
export type AccountResponse = z.infer<typeof accountResponseSchema>;

/**
 * A fresh proof that the caller holds the account's CURRENT auth key, for changes a stolen session
 * token alone must not make (replace the keyring, delete the account, sign out the other devices):
 * ask `POST /api/account/challenge` (with the session) for a nonce, then sign it exactly like a
 * login (`signLoginProof(authKey, nonce, email)`). The nonce is single use, expires in two minutes
 * and is good for these account changes only, not for a login.
 */
export const freshProofSchema = z.strictObject({
  email: emailSchema,
  nonce: base64urlField('Nonce', { exact: 43 }),
  signature: base64urlField('Signature', { exact: 86 }),
});
export type FreshProof = z.infer<typeof freshProofSchema>;

/**
 * After a passphrase change: the re-wrapped keyring and the new auth public key, with a fresh proof
 * signed by the OLD (current) auth key. Servers that require it answer 403 `proof-required` without.
 */
export const keyringUpdateRequestSchema = z.strictObject({
  keyring: keyringSchema,
  authPublicKey,
  proof: freshProofSchema.optional(),
});
export type KeyringUpdateRequest = z.infer<typeof keyringUpdateRequestSchema>;

/** `DELETE /api/account` and `POST /api/account/sign-out-others`: a fresh proof, nothing else. */
export const freshProofRequestSchema = z.strictObject({ proof: freshProofSchema.optional() });
export type FreshProofRequest = z.infer<typeof freshProofRequestSchema>;
