/**
 * Node entry point: reads the configuration, opens the store (SQLite under DATA_DIR, or PostgreSQL
 * when DATABASE_URL is set), serves the app on one port and shuts down cleanly on SIGTERM/SIGINT
 * (exit code 0): live streams and call signaling end, the socket closes, then the database.
 * PeerServer (call signaling) shares the port under `/peerjs` (signaling/node-server.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto } from '../../shared/crypto/sodium.ts';
import { createApp } from './app.ts';
import { DEFAULT_RATE_LIMITS, scaleRateLimits } from './auth/rate-limit.ts';
import { loadServerKey } from './auth/server-secret.ts';
import { loadConfig } from './config.ts';
import { jsonLineSink } from './http/logger.ts';
import { createCallTokens } from './signaling/call-tokens.ts';
import { createNodeServer } from './signaling/node-server.ts';
import { openPostgresRelay, type SignalingRelay } from './signaling/postgres-relay.ts';
import { openPostgresStore } from './store/postgres.ts';
import { startPurges } from './store/purge-timer.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
import { LiveStreams } from './sync/live-streams.ts';

const config = loadConfig(process.env);
const log = jsonLineSink();

// The data folder holds the database and the server secret: the server's user only.
mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
if (!existsSync(join(config.staticDir, 'index.html'))) {
  log({ level: 'warn', msg: 'no built app: only the API is served (run `npm run build`)' });
}

await initCrypto();
let store: Store;
try {
  store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : openSqliteStore(join(config.dataDir, SQLITE_FILE_NAME));
} catch (error) {
  // The error's name and code only: a driver message may quote the connection string.
  const { name, code } = error as { name?: string; code?: string };
  log({ level: 'error', msg: 'cannot open the store', error: name ?? 'Error', code: code ?? null });
  process.exit(1);
}
log({ level: 'info', msg: 'store opened', store: store.kind });
if (config.databaseUrl && !config.serverSecret) {
  log({
    level: 'warn',
    msg: 'SERVER_SECRET is not set: every instance sharing this database must use the same one',
  });
}

const streams = new LiveStreams();
const serverKey = loadServerKey(config.serverSecret, config.dataDir);
const rateLimits = scaleRateLimits(DEFAULT_RATE_LIMITS, config.rateLimitScale);
// One instance for the API (which issues tokens and reports logouts) and signaling (which checks
// upgrades, remembers used tokens and closes the sockets of ended sessions).
const callTokens = createCallTokens(serverKey, Date.now);
const app = createApp({
  staticDir: config.staticDir,
  log,
  api: {
    store,
    serverKey,
    streams,
    rateLimits,
    iceServers: config.iceServers,
    trustedProxies: config.trustedProxies,
    storageQuotaBytes: config.storageQuotaBytes,
    ...(config.vapidSubject ? { push: { subject: config.vapidSubject } } : {}),
    callTokens,
  },
});

const stopPurges = startPurges(store, log);

// On PostgreSQL other instances may share the database: signaling goes between them through it.
// Opened after the store, whose migrations create the relay's tables.
let relay: SignalingRelay | undefined;
if (config.databaseUrl) {
  try {
    relay = await openPostgresRelay(config.databaseUrl);
  } catch (error) {
    const { name, code } = error as { name?: string; code?: string };
    log({
      level: 'error',
      msg: 'cannot open the signaling relay',
      error: name ?? 'Error',
      code: code ?? null,
    });
    process.exit(1);
  }
}

const node = createNodeServer(app.fetch, {
  callTokens,
  sessionLive: async (sessionHash) => (await store.findSession(sessionHash, Date.now())) !== null,
  ...(relay ? { relay } : {}),
});
const { server } = node;
const port = await node.listen(config.port, config.host);
console.log(`Carnet is running at http://${config.host}:${port}`);

let stopping = false;
/** How long requests under way may take to finish once shutdown starts. */
const GRACE_MS = 3_000;

function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  log({ level: 'info', msg: 'shutting down', signal });
  stopPurges();
  // Streams end with a clean end of response (clients reconnect elsewhere); then the socket closes.
  streams.closeAll();
  node
    .close()
    .then(() => relay?.close())
    .then(() =>
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      ),
    );
  // Idle keep-alive sockets would hold close() open: close each as soon as its last response ends.
  // A request that hangs is cut after the grace.
  const closeIdle = () => {
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  closeIdle();
  setInterval(closeIdle, 50).unref();
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, GRACE_MS).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
