/**
 * Every error the server returns has one shape: `{ error: { reason, message } }`, where `reason` is a
 * stable machine-readable code the client maps to a message in the user's language, and `message` is
 * for developers. Handlers throw `HTTPException` (or `ApiError` to pick a specific reason); one
 * `onError` turns them into that shape. Anything else becomes a bare 500: internals never leak.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorReason } from '../../../shared/protocol/errors.ts';
import type { LogSink } from './logger.ts';

/** An `HTTPException` whose reason is chosen by the thrower instead of derived from the status. */
export class ApiError extends HTTPException {
  readonly reason: ErrorReason;
  /** Sent with the error response, e.g. `Retry-After` on a 429 or `WWW-Authenticate` on a 401. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Numbers the client shows next to the reason (a quota's usage and limit), sent inside `error`
   * beside `reason` and `message`; the error body schema lets older clients ignore them.
   */
  readonly details: Readonly<Record<string, number>>;

  constructor(
    status: ContentfulStatusCode,
    reason: ErrorReason,
    message: string,
    headers: Readonly<Record<string, string>> = {},
    details: Readonly<Record<string, number>> = {},
  ) {
    super(status, { message });
    this.name = 'ApiError';
    this.reason = reason;
    this.headers = headers;
    this.details = details;
  }
}

const REASON_BY_STATUS: Readonly<Partial<Record<number, ErrorReason>>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

export function reasonForStatus(status: number): ErrorReason {
  return REASON_BY_STATUS[status] ?? (status < 500 ? 'bad-request' : 'internal');
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  reason: ErrorReason,
  message: string,
  details: Readonly<Record<string, number>> = {},
): Response {
  return c.json<ErrorBody>({ error: { ...details, reason, message } }, status);
}

export function createErrorHandler(log?: LogSink): ErrorHandler {
  return (err, c) => {
    if (err instanceof HTTPException) {
      const reason = err instanceof ApiError ? err.reason : reasonForStatus(err.status);
      // An exception is never a success: a stray 2xx/3xx status is a bug, reported as one.
      const status = err.status >= 400 ? err.status : 500;
      const details = err instanceof ApiError ? err.details : {};
      const response = errorResponse(c, status, reason, err.message || reasonMessage(reason), details);
      if (err instanceof ApiError)
        for (const [name, value] of Object.entries(err.headers)) response.headers.set(name, value);
      return response;
    }
    // Only the error's type and stack frames are logged: messages of third-party errors can quote input.
    log?.({
      level: 'error',
      msg: 'unhandled-error',
      method: c.req.method,
      path: c.req.path,
      error: err.name,
      frames: stackFrames(err),
    });
    return errorResponse(c, 500, 'internal', 'Internal error');
  };
}

export const notFound: NotFoundHandler = (c) => errorResponse(c, 404, 'not-found', 'Not found');

function reasonMessage(reason: ErrorReason): string {
  return reason.replaceAll('-', ' ');
}

function stackFrames(err: Error): string {
  return (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
}
