/**
 * The client's one error type. UI code shows `t().errors[reason]` in the user's language; `meta`
 * carries details (a field, a limit) for the message. Crypto failures are mapped onto these reasons.
 */
import { isCryptoError } from '../../../shared/crypto/errors.ts';

export type AppErrorReason =
  | 'wrong-passphrase'
  | 'bad-recovery-key'
  | 'weak-passphrase'
  | 'profile-limit'
  | 'invalid-record'
  | 'tampered'
  | 'wrong-key'
  | 'unsupported-version'
  | 'file-too-large'
  | 'not-found'
  | 'conflict'
  | 'crypto-unavailable'
  | 'sync-email-taken'
  | 'sync-offline'
  | 'sync-rate-limited'
  | 'sync-failed'
  /** A sensitive account change was refused: wrong passphrase, or the server's nonce expired. */
  | 'proof-required'
  | 'signed-out-keyring-changed'
  | 'signed-out-elsewhere'
  | 'quota-exceeded'
  | 'invalid-utf8'
  | 'emergency-token-taken'
  | 'locked'
  | 'read-only'
  | 'storage';

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly reason: AppErrorReason,
    message: string = reason,
    readonly meta: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** Turns anything thrown into an AppError, keeping crypto reasons the user can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isCryptoError(error)) {
    switch (error.reason) {
      case 'wrong-passphrase':
      case 'bad-recovery-key':
      case 'tampered':
      case 'wrong-key':
      case 'unsupported-version':
        return new AppError(error.reason, error.message, error.meta);
      case 'not-ready':
        // libsodium did not load: a network or packaging problem, never a sign of tampering.
        return new AppError('crypto-unavailable', error.message);
      default:
        return new AppError('tampered', error.message, error.meta);
    }
  }
  return new AppError('storage', error instanceof Error ? error.message : String(error));
}
