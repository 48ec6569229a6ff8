import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/support/chromium.ts';

// E2E_PORT, E2E_OUTPUT_DIR and CARNET_OUT_DIR let several runs share one machine.
const PORT = Number(process.env.E2E_PORT ?? 8790);
const OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? 'test-results';
const STATIC_DIR = process.env.CARNET_OUT_DIR ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Calls need fake media and a loopback-only network namespace: playwright.call.config.ts.
  testIgnore: ['teleconsult.spec.ts', 'appointment-call.spec.ts'],
  outputDir: OUTPUT_DIR,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] },
      },
    },
  ],
  // Serves the production build (`npm run test:e2e` builds first). Playwright empties test-results/
  // before it starts the server, so every run begins with an empty data folder.
  webServer: {
    command: 'node_modules/.bin/tsx sync-server/src/main.ts',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: `${OUTPUT_DIR}/data`,
      STATIC_DIR,
      // Every browser of the suite shares 127.0.0.1: the per-IP auth limits would trip otherwise.
      RATE_LIMIT_SCALE: '100',
    },
  },
});
