/**
 * PWA figures: gzipped size of the initial JS, and unlock → first render with 10,000 records in
 * headless Chromium (KDF included and excluded). Builds the app and a harness, serves the harness
 * with the real server (real CSP), and drives Debian's Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/support/chromium.ts';
import { report } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PORT = 8796;

function build(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

export function initialJsGzipBytes(distDir: string): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = readFileSync(join(distDir, url));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: urls.length, raw, gzip };
}

export async function benchPwa(): Promise<void> {
  build([], { CARNET_OUT_DIR: 'dist-bench-app' });
  const js = initialJsGzipBytes(join(ROOT, 'dist-bench-app'));
  report(
    `Initial JS of the PWA (${js.files} file${js.files === 1 ? '' : 's'})`,
    `${(js.gzip / 1024).toFixed(1)} KiB gzipped (${(js.raw / 1024).toFixed(0)} KiB raw)`,
  );

  build(['--config', 'bench/browser/vite.config.ts']);
  const server = spawn('node_modules/.bin/tsx', ['sync-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), STATIC_DIR: 'dist-bench', DATA_DIR: 'dist-bench/data' },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
  try {
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?n=10000`);
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __benchResult?: unknown; __benchError?: string };
        return w.__benchResult !== undefined || w.__benchError !== undefined;
      },
      undefined,
      { timeout: 300_000 },
    );
    const { result, error } = await page.evaluate(() => {
      const w = window as unknown as { __benchResult?: Record<string, number>; __benchError?: string };
      return { result: w.__benchResult, error: w.__benchError };
    });
    if (error || !result) throw new Error(`harness failed: ${error}`);
    report(
      `Unlock → first render, ${result.count} records (KDF included)`,
      `${result.unlockToRenderMs?.toFixed(0)} ms (Argon2id in a Worker: ${result.kdfMs?.toFixed(0)} ms)`,
    );
    report(
      `Unlock → first render, ${result.count} records (KDF excluded)`,
      `${result.afterKdfToRenderMs?.toFixed(0)} ms (${result.decrypted} decrypted; records in memory after ${result.recordsReadyMs?.toFixed(0)} ms; ${result.timelineItems} list items)`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
