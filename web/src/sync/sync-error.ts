/**
 * The sync client's one error type. `reason` is what the UI shows (in the user's language) and what
 * the replication decides on: `offline` and `server` are retried, `unauthorized` asks the user to sign
 * in again. Messages never quote a request or response body, a token or an email.
 */
export type SyncErrorReason =
  /** The network request did not complete (no connection, DNS, server down). */
  | 'offline'
  /** 401: the session is unknown, expired, revoked, or the sign-in proof was refused. */
  | 'unauthorized'
  /** 429; `retryAfter` in seconds when the server said. */
  | 'rate-limited'
  /** 409 profile-limit: the push would make more than six profiles; nothing in it was saved. */
  | 'profile-limit'
  /** 409 on register: an account already uses this email. */
  | 'account-exists'
  /** Another 4xx: the request was refused as malformed (a client bug). */
  | 'rejected'
  /** 5xx. */
  | 'server'
  /** The answer did not parse with the shared schema. */
  | 'bad-response'
  /** A document from the server failed the envelope schema; it was skipped, not written. */
  | 'invalid-document';

export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly reason: SyncErrorReason,
    message: string = reason,
    readonly meta: { readonly status?: number; readonly retryAfter?: number } = {},
  ) {
    super(message);
  }
}

export function isSyncError(error: unknown, reason?: SyncErrorReason): error is SyncError {
  return error instanceof SyncError && (reason === undefined || error.reason === reason);
}

/** Anything thrown by a sync step, as a SyncError (fetch's TypeError means the network failed). */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (error instanceof TypeError) return new SyncError('offline', 'the server could not be reached');
  return new SyncError('server', error instanceof Error ? error.name : 'unknown error');
}
