// `npm start`: builds the PWA when its sources are newer than dist/, then runs the sync server,
// which serves both the app and the API on one port. Signals are forwarded so Ctrl+C and
// `kill` stop the server cleanly, and this script exits with the server's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'dist', 'index.html');
const sources = ['web', 'public', 'vite.config.ts'].map((path) => join(root, path));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestMtime(source) > builtAt);
}

if (buildIsStale()) {
  console.log('Building the app (sources changed since the last build)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Build failed; not starting the server.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sync-server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.kill(signal));
}

server.on('error', (error) => {
  console.error(`Could not start the server: ${error.message}`);
  process.exit(1);
});

server.on('exit', (code, signal) => {
  // A server killed by a signal it did not handle reports no code: exit the conventional 128 + n.
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
