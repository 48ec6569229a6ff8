/**
 * The body of every API error: `{ error: { reason, message } }`. `reason` is stable and
 * machine-readable (the client maps it to a message in the user's language); `message` is for
 * developers and never quotes a request body.
 */
import { z } from '../schema/zod.ts';
import { APPOINTMENT_ERROR_REASONS } from './appointments.ts';
import { MESSAGING_ERROR_REASONS } from './messages.ts';
import { OPINION_ERROR_REASONS } from './opinions.ts';

export const ERROR_REASONS = [
  ...MESSAGING_ERROR_REASONS,
  ...APPOINTMENT_ERROR_REASONS,
  ...OPINION_ERROR_REASONS,
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'gone',
  'payload-too-large',
  'unsupported-media-type',
  'profile-limit',
  'rate-limited',
  'internal',
  'share-locked',
  'share-expired',
  'share-revoked',
  /** A single-use share that was already opened once. */
  'share-used',
  'share-read-only',
  /** A JSON body whose bytes are not valid UTF-8. */
  'invalid-utf8',
  /** A push over the account's storage quota; `usage` and `limit` (bytes) ride along in `error`. */
  'quota-exceeded',
  /** Too many shares created, or too many active at once; `limit` rides along in `error`. */
  'share-limit',
  /** The emergency token hash is registered by another account: draw a new token. */
  'emergency-token-taken',
  /** This session was ended because the account's keyring (passphrase) changed on another device. */
  'signed-out-keyring-changed',
  /** This session was ended by "sign out everywhere else" on another device. */
  'signed-out-elsewhere',
  /** A sensitive account change needs a fresh signed challenge with the current auth key. */
  'proof-required',
  /** A push subscription whose endpoint is not one of the browsers' push services over HTTPS. */
  'push-endpoint-refused',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export const errorReasonSchema = z.enum(ERROR_REASONS);

// Not strict: a newer server may add fields, and an older client must still read the reason.
export const errorBodySchema = z.object({
  error: z.object({
    reason: errorReasonSchema,
    message: z.string().max(1_000),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
