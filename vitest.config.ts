import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'sync-server/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
    // Argon2id at the default parameters takes a few hundred ms per call on 2 cores.
    testTimeout: 30_000,
  },
});
