/**
 * The one error of every call to the server. `reason` is the server's own (`shared/protocol/errors.ts`)
 * or one the client adds when there is no usable answer. Messages name the endpoint and the status
 * only: never a request or response body, a token or an email.
 */
import type { ErrorReason } from '../../../shared/protocol/errors.ts';

export type ServerErrorReason =
  | ErrorReason
  /** The request did not complete (no connection, DNS, server down), or the device is offline. */
  | 'offline'
  /** No answer in time. */
  | 'timeout'
  /** An answer that is not JSON, does not parse with the shared schema, or has an unexpected status. */
  | 'bad-response'
  /** A pulled document failed the envelope schema; it was skipped, not written. */
  | 'invalid-document';

export interface ServerErrorMeta {
  readonly status?: number;
  /** Seconds, from `Retry-After` on a 429. */
  readonly retryAfter?: number;
  /** A quota's limit, from the error body (`share-limit`). */
  readonly limit?: number;
  /** The endpoint's path as in the table (`/api/shares/:id/open`), without its parameters. */
  readonly endpoint?: string;
  /** Numbers the server sent beside the reason (`quota-exceeded`: `usage`, `limit`, `wouldUse`, bytes). */
  readonly details?: Readonly<Record<string, number>>;
}

export class ServerError extends Error {
  override readonly name = 'ServerError';

  constructor(
    readonly reason: ServerErrorReason,
    message: string = reason,
    readonly meta: ServerErrorMeta = {},
  ) {
    super(message);
  }
}

export function isServerError(error: unknown, reason?: ServerErrorReason): error is ServerError {
  return error instanceof ServerError && (reason === undefined || error.reason === reason);
}

/** Anything thrown by a server step, as a ServerError (fetch's TypeError means the network failed). */
export function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  if (error instanceof TypeError) return new ServerError('offline', 'the server could not be reached');
  return new ServerError('internal', error instanceof Error ? error.name : 'unknown error');
}

/** The server no longer accepts this device's session: only signing in again helps. */
export function isSignedOut(error: ServerError): boolean {
  return (
    error.reason === 'unauthorized' ||
    error.reason === 'signed-out-keyring-changed' ||
    error.reason === 'signed-out-elsewhere'
  );
}
