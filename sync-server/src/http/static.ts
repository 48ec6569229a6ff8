import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Unhashed files (index.html, favicon, later the service worker) must be revalidated on every load,
// or a client could keep running an old shell against a newer server.
const REVALIDATE = 'no-cache';

/** `/api` and everything under it belongs to the JSON API, never to the static site. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Serves the built PWA from `root`. Files under `/assets/` carry a content hash in their name, so
 * they are cached for a year. Any other GET that wants HTML gets index.html, so the client-side
 * router can handle deep links and reloads.
 */
export function staticSite(root: string): MiddlewareHandler {
  // `precompressed`: the build writes `.br` and `.gz` beside each compressible file
  // (scripts/precompress-plugin.ts); the first of br, gzip that Accept-Encoding names and that exists
  // on disk is sent with Content-Encoding, else the plain file. Nothing is compressed per request.
  const file = serveStatic({ root, precompressed: true });
  const shell = serveStatic({ root, path: 'index.html', precompressed: true });
  // The emergency responder page has its own entry; `/e` must never get the app shell.
  const responder = serveStatic({ root, path: 'e.html', precompressed: true });
  const missing = async (): Promise<void> => {};

  return async (c, next) => {
    if (isApiPath(c.req.path)) return next();

    const found = await file(c, missing);
    if (found) return withCacheControl(found, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);

    if (c.req.path === '/e' && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const page = await responder(c, missing);
      if (page) return withCacheControl(page, REVALIDATE);
    }
    if (c.req.method === 'GET' && acceptsHtml(c)) {
      const index = await shell(c, missing);
      if (index) return withCacheControl(index, REVALIDATE);
    }
    return next();
  };
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header('Accept') ?? '').includes('text/html');
}

function withCacheControl(response: Response, value: string): Response {
  response.headers.set('Cache-Control', value);
  // serveStatic adds Vary only when it found a compressed copy; a cache must key every compressible
  // file on Accept-Encoding all the same, or it could hand a client an encoding it cannot read.
  if (isCompressible(response.headers.get('Content-Type')) && !response.headers.has('Vary')) {
    response.headers.set('Vary', 'Accept-Encoding');
  }
  return response;
}

function isCompressible(contentType: string | null): boolean {
  return /^(?:text\/|application\/(?:javascript|json|manifest\+json|wasm)|image\/svg\+xml)/.test(
    contentType ?? '',
  );
}
