/**
 * Node entry point: reads the configuration, serves the app on one port and shuts down cleanly on
 * SIGTERM/SIGINT (exit code 0), so process managers and the e2e harness can stop it without errors.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { jsonLineSink } from './http/logger.ts';

const config = loadConfig(process.env);
const log = jsonLineSink();

mkdirSync(config.dataDir, { recursive: true });
if (!existsSync(join(config.staticDir, 'index.html'))) {
  log({ level: 'warn', msg: 'no built app: only the API is served (run `npm run build`)' });
}

const app = createApp({ staticDir: config.staticDir, log });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Carnet is running at http://${config.host}:${info.port}`);
});

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  log({ level: 'info', msg: 'shutting down', signal });
  server.close((error) => {
    if (error) log({ level: 'error', msg: 'close failed', error: error.name });
    process.exit(error ? 1 : 0);
  });
  // Idle keep-alive sockets (and, later, SSE streams) would hold close() open indefinitely.
  if ('closeAllConnections' in server) server.closeAllConnections();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
