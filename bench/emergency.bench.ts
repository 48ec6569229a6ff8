/**
 * Emergency responder page (`/e`): gzipped size of its JS (target ≤ 30 KB) and the time from
 * navigation to the profile on screen, offline, served by the service worker, in headless
 * Chromium against the real server (real CSP).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/support/chromium.ts';
import { emergencyLink } from '../shared/emergency/payload.ts';
import { EXAMPLE_PROFILE } from '../shared/emergency/testing.ts';
import { spawnServer } from '../sync-server/src/testing/spawned-server.ts';
import { median, report } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = 'dist-bench-emergency';
const PORT = 8797;
const RUNS = 15;

/** Every JS file an HTML entry loads up front: its module script and its modulepreloads. */
export function entryJsGzipBytes(
  distDir: string,
  html: string,
): { files: number; raw: number; gzip: number } {
  const text = readFileSync(join(distDir, html), 'utf8');
  const urls = new Set(
    [...text.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
      (m) => m[1] ?? '',
    ),
  );
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = readFileSync(join(distDir, url));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: urls.size, raw, gzip };
}

export async function benchEmergency(): Promise<void> {
  const built = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CARNET_OUT_DIR: OUT },
  });
  if (built.status !== 0) throw new Error('vite build failed');
  const js = entryJsGzipBytes(join(ROOT, OUT), 'e.html');
  report(
    `Responder page /e JS (${js.files} files)`,
    `${(js.gzip / 1024).toFixed(1)} KiB gzipped (${(js.raw / 1024).toFixed(0)} KiB raw; target ≤ 30 KB)`,
  );

  const dataDir = join(ROOT, OUT, 'data');
  const server = await spawnServer({ port: PORT, dataDir, quiet: true, env: { STATIC_DIR: OUT } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    const link = emergencyLink(server.baseUrl, EXAMPLE_PROFILE);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const responder = await context.newPage();
      await responder.goto(link);
      // Milliseconds since navigation start when the profile is in the DOM.
      const handle = await responder.waitForFunction(() =>
        document.querySelector('.profile') ? performance.now() : false,
      );
      times.push(Number(await handle.jsonValue()));
      await responder.close();
    }
    report(
      'Responder page /e offline (SW): navigation → profile shown',
      `${median(times).toFixed(0)} ms median of ${RUNS} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
