import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './support/chromium.ts';

// The build the e2e server serves (see playwright.config.ts).
const STATIC_DIR = process.env.CARNET_OUT_DIR ?? 'dist';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** First visit, then a reload: from then on the service worker controls the page. */
async function installServiceWorker(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the manifest is linked, complete, and every icon is a PNG of its stated size', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');

  const response = await request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  expect(response.headers()['cache-control']).toBe('no-cache');
  const manifest = (await response.json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: 'Carnet',
    short_name: 'Carnet',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#0f5c57',
    background_color: '#f6f4ef',
    lang: 'en',
  });
  expect(String(manifest.description)).not.toBe('');

  const icons = manifest.icons as ManifestIcon[];
  const kinds = icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
  expect(kinds).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of icons) {
    const iconResponse = await request.get(icon.src);
    expect(iconResponse.status(), icon.src).toBe(200);
    expect(iconResponse.headers()['content-type'], icon.src).toBe('image/png');
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(pngSize(await iconResponse.body()), icon.src).toEqual({ width, height });
  }

  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touchResponse = await request.get(touchIcon ?? '');
  expect(pngSize(await touchResponse.body())).toEqual({ width: 180, height: 180 });
});

test('the service worker and manifest are revalidated on every load, never cached long-term', async ({
  request,
}) => {
  for (const path of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
  expect((await request.get('/sw.js')).headers()['content-type']).toMatch(/javascript/);
});

test('Chromium finds nothing that prevents installing the app', async ({ baseURL }, testInfo) => {
  // Playwright's usual contexts are incognito, where Chromium never offers to install
  // ("in-incognito"): this check needs a browser with a real profile.
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS],
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await installServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('after one visit the shell opens offline; Cache Storage holds only static files', async ({
  page,
  context,
}) => {
  await installServiceWorker(page);

  // Ask the API something through the controlled page: a runtime cache, if any, would keep it.
  const apiStatus = await page.evaluate(async () => {
    const [version, health] = await Promise.all([fetch('/api/version'), fetch('/healthz')]);
    return [version.status, health.status];
  });
  expect(apiStatus).toEqual([200, 200]);

  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle('Carnet');
  await expect(page.getByRole('link', { name: 'Carnet', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  // A deep link works offline too: the service worker answers navigations with the shell.
  await page.goto('/documents');
  await expect(page).toHaveTitle('Carnet');
  await expect(page.getByRole('main')).toBeVisible();
  await context.setOffline(false);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  const paths = cached.map((url) => {
    const parsed = new URL(url);
    expect(parsed.origin, url).toBe(new URL(page.url()).origin);
    return parsed.pathname;
  });
  // e.html: the emergency responder page (/e), which must open offline too.
  expect(paths).toEqual(expect.arrayContaining(['/index.html', '/e.html', '/manifest.webmanifest']));
  expect(paths.some((path) => /^\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
  expect(paths.some((path) => /^\/assets\/kdf-worker-[\w-]+\.js$/.test(path))).toBe(true);
  for (const path of paths) {
    expect(path, 'only build output is cached').toMatch(
      /^\/(index\.html|e\.html|notifications-sw\.js|manifest\.webmanifest|favicon\.svg|icons\/[\w.-]+\.(png|svg)|assets\/[\w.-]+\.(js|css|woff2|svg|png))$/,
    );
  }
});

test('a new version waits for the user: "Later" dismisses, "Reload to update" activates it', async ({
  page,
}) => {
  await installServiceWorker(page);
  const banner = page.getByRole('region', { name: 'A new version of Carnet is ready' });
  await expect(banner).toHaveCount(0);

  // Publish a "new version": the served service worker gains one byte, as a new build's would.
  // (The browser fetches the worker script itself, out of reach of Playwright's routing.)
  const swPath = join(STATIC_DIR, 'sw.js');
  const original = await readFile(swPath, 'utf8');
  await writeFile(swPath, `${original}\n// next version\n`);
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(banner).toBeVisible();
    // Announced politely, without taking focus.
    await expect(page.locator('[aria-live="polite"]').filter({ has: banner })).toBeAttached();
    await expect(banner.getByRole('button', { name: 'Reload to update' })).not.toBeFocused();
    await banner.getByRole('button', { name: 'Later' }).click();
    await expect(banner).toHaveCount(0);

    // Still waiting: the next load asks again; accepting reloads onto the new version.
    await page.reload();
    await expect(banner).toBeVisible();
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect(banner).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            controlled: navigator.serviceWorker.controller !== null,
            waiting: registration?.waiting ?? null,
            active: registration?.active?.state,
          };
        }),
      )
      .toEqual({ controlled: true, waiting: null, active: 'activated' });
  } finally {
    await writeFile(swPath, original);
  }
});
