import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The same build is served by the sync server in production and in e2e runs, so nothing here may
// depend on the dev server (no dev-only plugins, no injected scripts: the CSP forbids inline code).
export default defineConfig({
  root: fromRoot('./web'),
  publicDir: fromRoot('./public'),
  plugins: [solid()],
  build: {
    // CARNET_OUT_DIR lets parallel e2e runs build side by side without clobbering each other.
    outDir: fromRoot(`./${process.env.CARNET_OUT_DIR ?? 'dist'}`),
    emptyOutDir: true,
    target: 'es2022',
  },
});
