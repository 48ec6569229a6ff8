import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the replication benchmark harness (never shipped) into `BENCH_OUT_DIR`. With
 * `BENCH_APP_ROOT` (another checkout of the repository, e.g. main for a before/after figure) the
 * harness's imports of `web/src` and `shared` resolve into that checkout instead, so the same harness drives
 * that version of the app.
 */
const appRoot = process.env.BENCH_APP_ROOT;

function appFrom(root: string): Plugin {
  return {
    name: 'carnet-bench-app-root',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.startsWith(fromHere('.'))) return null;
      if (!source.startsWith('../../web/src/') && !source.startsWith('../../shared/')) return null;
      return resolve(root, source.slice('../../'.length));
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  plugins: [...(appRoot ? [appFrom(appRoot)] : []), solid()],
  // One Solid for the harness and the checkout it imports: signals of one copy are not tracked by
  // effects of another.
  resolve: { dedupe: ['solid-js'] },
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_OUT_DIR ?? fromHere('../../dist-bench-replication'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5_000,
    // Profiles (BENCH_PROFILE) name the app's own functions.
    minify: !process.env.BENCH_PROFILE,
    rollupOptions: { input: fromHere('replication.html') },
  },
});
