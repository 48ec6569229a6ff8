import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { fhirDefinitions } from '../../scripts/fhir-definitions-plugin.ts';
import { firstScreenStrings } from '../../scripts/first-screen-strings-plugin.ts';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the unlock benchmark harness into dist-bench/ (never shipped). It renders the real `<App/>`,
 * so it needs the app's own virtual modules (vite.config.ts): the FHIR definitions and the first
 * screen's strings.
 */
export default defineConfig({
  root: fromHere('.'),
  plugins: [solid(), fhirDefinitions(), firstScreenStrings()],
  logLevel: 'warn',
  build: { outDir: fromHere('../../dist-bench'), emptyOutDir: true, target: 'es2022' },
});
