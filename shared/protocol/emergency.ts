/**
 * Emergency access log (opt-in, best effort). The QR link carries a random 128-bit token, never
 * health data. The patient's device registers only its SHA-256; the responder page reports the
 * token itself once when it has a network; the server hashes it to find the account. Knowing a
 * hash does not let anyone forge an opening, and the server answers 204 to known and unknown
 * tokens alike, so the endpoint tells a stranger nothing.
 */
import { toBase64, utf8 } from '../crypto/encoding.ts';
import { sodium } from '../crypto/sodium.ts';
import { z } from '../schema/zod.ts';

/** 16 random bytes in base64url, no padding. */
export const EMERGENCY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** SHA-256 in base64url without padding (shared/crypto/encoding.ts). */
const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const emergencyOpenedRequestSchema = z.strictObject({
  token: z.string().regex(EMERGENCY_TOKEN_PATTERN, 'token must be 22 base64url characters'),
});

export const emergencyTokenRequestSchema = z.strictObject({
  tokenHash: z.string().regex(HASH_PATTERN, 'tokenHash must be a base64url SHA-256'),
});

export const emergencyOpeningsResponseSchema = z.strictObject({
  openings: z
    .array(
      z.strictObject({
        openedAt: z.number().int().nonnegative(),
        // Which registered token was opened; the device maps it to the profile it knows.
        tokenHash: z.string().regex(HASH_PATTERN),
      }),
    )
    .max(100),
});

export type EmergencyOpeningsResponse = z.infer<typeof emergencyOpeningsResponseSchema>;

/** What the patient's device registers and the server looks up: SHA-256 of the token, base64url. */
export function emergencyTokenHash(token: string): string {
  return toBase64(sodium().crypto_hash_sha256(utf8(token)));
}
