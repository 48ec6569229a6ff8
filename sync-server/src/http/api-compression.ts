import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * Paths whose answers carry a live credential (session tokens, call tokens). They are never
 * compressed: a compressed body whose length an observer sees, beside anything an attacker can get
 * reflected into the same body, is how BREACH recovers a secret byte by byte. The API authenticates
 * with a Bearer header, not a cookie, so another site cannot make a browser send such requests;
 * this keeps compression away from secrets anyway, and these answers are small.
 */
const SECRET_BEARING = /^\/api\/(?:auth|calls)(?:\/|$)/;

/** The live stream: compressing it would buffer events inside the deflate window. */
const LIVE_STREAM = '/api/sync/stream';

/**
 * gzip (or deflate) for JSON answers of the API of 1 KiB or more, chosen from Accept-Encoding, with
 * `Vary: Accept-Encoding`. Pages of pulled documents are mostly base64 ciphertext, which still
 * shrinks by about a quarter, and their JSON keys repeat. Server-sent events (text/event-stream)
 * are never compressed, whatever their path.
 */
export function apiCompression(): MiddlewareHandler {
  const gzip = compress({ contentTypeFilter: /^application\/json(?:;|$)/ });
  return async (c, next) => {
    if (c.req.path === LIVE_STREAM || SECRET_BEARING.test(c.req.path)) return next();
    return gzip(c, next);
  };
}
