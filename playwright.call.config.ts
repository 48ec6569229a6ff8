/**
 * The call journeys (e2e/teleconsult.spec.ts, e2e/appointment-call.spec.ts) only: Chromium with a fake camera and microphone, and
 * loopback allowed for WebRTC. Run it inside a network namespace that has only `lo`
 * (`npm run test:e2e:call` does, as root) so no ICE candidate and no packet leaves the machine.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/support/chromium.ts';
import base from './playwright.config.ts';

const CALL_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['teleconsult.spec.ts', 'appointment-call.spec.ts'],
  projects: [
    {
      name: 'chromium-call',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS, ...CALL_ARGS] },
      },
    },
  ],
});
