import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { fhirDefinitions } from './scripts/fhir-definitions-plugin.ts';

export default defineConfig({
  // vite-plugin-solid compiles JSX and makes Node resolve solid-js to its reactive (browser) build:
  // the server build's signals do not react, which would make web tests meaningless.
  plugins: [solid(), fhirDefinitions()],
  test: {
    include: ['shared/**/*.test.ts', 'sync-server/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
    // Argon2id at the default parameters takes a few hundred ms per call on 2 cores.
    testTimeout: 30_000,
    environment: 'node',
  },
});
