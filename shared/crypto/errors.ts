/** Typed crypto failures: callers branch on `reason`, never on message text. */
export type CryptoErrorReason =
  | 'wrong-passphrase'
  | 'wrong-key'
  | 'tampered'
  | 'bad-recovery-key'
  | 'bad-signature'
  | 'unsupported-version'
  | 'weak-kdf-params'
  | 'invalid-input'
  | 'not-ready';

export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly reason: CryptoErrorReason,
    message: string,
    readonly meta: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

export function isCryptoError(error: unknown, reason?: CryptoErrorReason): error is CryptoError {
  return error instanceof CryptoError && (reason === undefined || error.reason === reason);
}
