import { createMiddleware } from 'hono/factory';

/**
 * API answers carry keyrings, envelopes, share metadata and tokens: no browser cache, shared proxy
 * or back/forward cache may keep a copy (a shared computer would show them to the next person).
 * A route that chose its own policy keeps it.
 */
export function noStore() {
  return createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
}
