import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the unlock benchmark harness into dist-bench/ (never shipped). */
export default defineConfig({
  root: fromHere('.'),
  plugins: [solid()],
  logLevel: 'warn',
  build: { outDir: fromHere('../../dist-bench'), emptyOutDir: true, target: 'es2022' },
});
