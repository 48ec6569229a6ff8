import { Hono } from 'hono';
import { APP_VERSION } from './app-version.ts';
import { apiCompression } from './http/api-compression.ts';
import { createErrorHandler, notFound } from './http/errors.ts';
import { type LogSink, requestLogger } from './http/logger.ts';
import { noStore } from './http/no-store.ts';
import { securityHeaders } from './http/security.ts';
import { staticSite } from './http/static.ts';
import { apiRoutes } from './routes/api.ts';
import { type ApiOptions, createApiDeps } from './routes/deps.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppOptions {
  /** Folder of the built PWA (`dist/`). Without it the server answers the API only. */
  staticDir?: string;
  /** Where request and error logs go. Without it nothing is logged (tests). */
  log?: LogSink;
  /** Store, server key and the like for accounts and sync. Without it only `/api/version` is served. */
  api?: ApiOptions;
}

/**
 * The whole HTTP surface on one Hono app, built without listening so tests can call `app.request()`.
 * Order matters: logging and security headers wrap everything, including error responses; API routes
 * come before the static site so a file can never shadow an endpoint.
 */
export function createApp(options: AppOptions = {}) {
  const app = new Hono();

  if (options.log) app.use('*', requestLogger(options.log));
  app.use('*', securityHeaders());
  app.use('/api/*', apiCompression());

  app.use('/api/*', noStore());
  app.route('/', healthRoutes(APP_VERSION));
  app.route('/api', apiRoutes(options.api ? createApiDeps(options.api) : undefined));
  if (options.staticDir) app.use('*', staticSite(options.staticDir));

  app.notFound(notFound);
  app.onError(createErrorHandler(options.log));
  return app;
}
