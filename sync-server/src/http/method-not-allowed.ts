import type { Handler } from 'hono';
import { ApiError } from './errors.ts';

/** Registered after a path's real handlers: any other method gets a 405 naming the allowed ones. */
export function methodNotAllowed(...allowed: string[]): Handler {
  return () => {
    throw new ApiError(405, 'method-not-allowed', `Use ${allowed.join(' or ')} here`, {
      Allow: allowed.join(', '),
    });
  };
}
