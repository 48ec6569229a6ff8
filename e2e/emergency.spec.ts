/**
 * Emergency QR profile (issue 5): build it from the record, read the in-app QR as a camera would,
 * open the link offline (service worker) and in a fresh browser; the server never sees the fragment.
 * This spec runs its own server process so it can read every line the server logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, expect, type Response, test } from '@playwright/test';
import { type SpawnedServer, spawnServer } from '../sync-server/src/testing/spawned-server.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import {
  buildProfile,
  CRITICAL,
  expectResponderPage,
  fillRecord,
  installApp,
  PASSPHRASE,
} from './support/emergency-journey.ts';
import { externalRequests, watchPage } from './support/page-watch.ts';

const PORT = Number(process.env.E2E_PORT ?? 8790) + 1;

let server: SpawnedServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'carnet-emergency-'));
  server = await spawnServer({
    port: PORT,
    dataDir,
    env: { STATIC_DIR: process.env.CARNET_OUT_DIR ?? 'dist', RATE_LIMIT_SCALE: '100' },
  });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.baseUrl, locale });
}

test('the in-app QR opens the responder page offline and in a fresh browser; the fragment never reaches the server', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await newContext(browser);
  const page = await context.newPage();
  const watch = await watchPage(page);
  await installApp(page);
  await fillRecord(page);
  // Sync on, for the opt-in access log: the server then learns when the page is opened, nothing else.
  await new SyncPage(page).turnOnSync('camille@example.org', PASSPHRASE);
  const emergency = await buildProfile(page, true);

  const link = await emergency.readQr(emergency.linkQr);
  expect(link).toMatch(new RegExp(`^${server.baseUrl}/e#1\\.[A-Za-z0-9_-]+$`));
  const fragment = link.slice(link.indexOf('#') + 1);

  // The plain-text QR is readable text with the critical items, in the patient's language.
  const text = await emergency.readQr(emergency.textQr);
  expect(text.split('\n')[0]).toBe('EMERGENCY MEDICAL INFORMATION');
  expect(text).toContain('Advance directive: DNR: do not resuscitate');
  expect(text).toContain('Conditions: Type 1 diabetes');
  expect(text).toContain('Allergies: Penicillin: Anaphylaxis');
  expect(text).toContain('Medications: Warfarin 5 mg, every evening');
  expect(text).toContain('Contacts: Alex Martin (partner) +33 6 12 34 56 78');

  // (a) The context that visited before, now offline: the service worker serves /e.
  await context.setOffline(true);
  const offline = await context.newPage();
  const offlineRequests: string[] = [];
  offline.on('request', (request) => offlineRequests.push(request.url()));
  await offline.goto(link);
  await expectResponderPage(offline);
  await expect(offline.locator('html')).toHaveAttribute('lang', 'en');
  expect(await seriousViolations(offline)).toEqual([]);
  // With no network the page works the same and tries to send nothing.
  expect(offlineRequests.filter((url) => url.includes('/api/'))).toEqual([]);
  await offline.close();
  await context.setOffline(false);

  // (b) A fresh browser, online, in French: the page speaks the responder's language.
  const fresh = await newContext(browser, 'fr-FR');
  const responder = await fresh.newPage();
  const responderWatch = await watchPage(responder);
  const requests: string[] = [];
  responder.on('request', (request) => requests.push(request.url()));
  const scripts: Response[] = [];
  responder.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
  });
  const reported = responder.waitForResponse((r) => new URL(r.url()).pathname === '/api/emergency/opened');
  await responder.goto(link);
  for (const item of CRITICAL) await expect(responder.getByText(item, { exact: true })).toBeVisible();
  expect((await reported).status()).toBe(204);
  // The responder page stays tiny: no crypto, no database, no KDF worker; ≤ 30 KB of gzipped JS.
  await responder.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  let gzipped = 0;
  for (const script of scripts) {
    const body = await script.body();
    gzipped += gzipSync(body).length;
    // Chunk names can be generic (`dist-….js`): look inside too.
    expect(/crypto_pwhash|rxdb/i.test(body.toString('utf8')), script.url()).toBe(false);
  }
  expect(gzipped, 'gzipped JS of /e').toBeLessThanOrEqual(30 * 1024);
  expect(requests.filter((url) => /sodium|kdf-worker|rxdb|dexie/i.test(url))).toEqual([]);
  await expect(responder.getByText(/Le patient parle : anglais|Le patient parle: anglais/)).toBeVisible();
  await expect(responder.getByRole('heading', { level: 1 })).toHaveText('Informations médicales d’urgence');
  // The page is in French, the patient's own words are marked as English.
  await expect(responder.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(responder.getByText('Type 1 diabetes', { exact: true })).toHaveAttribute('lang', 'en');
  await expect(responder.getByText('Camille Martin', { exact: true })).toHaveAttribute('lang', 'en');
  await expect(responder.getByRole('alert')).toHaveCount(0);
  // The health data left the address bar and this history entry once read (as /s does).
  expect(responder.url()).toBe(`${server.baseUrl}/e`);
  expect(await responder.evaluate(() => location.hash)).toBe('');
  // No request carries the payload (the browser strips fragments; nothing re-sends it).
  for (const url of requests) expect(url.includes(fragment.slice(2, 40)), url).toBe(false);
  expect(responderWatch.errors, 'console errors').toEqual([]);
  expect(responderWatch.cspViolations, 'CSP violations').toEqual([]);
  expect(externalRequests(responderWatch)).toEqual([]);
  // A damaged code is an alert, announced at once.
  await responder.goto(`${server.baseUrl}/e#1.!!!`);
  await expect(responder.getByRole('alert')).toBeVisible();
  await fresh.close();

  // The access log: the patient sees the opening (the server got the token, not the profile). The
  // next sync start (here: unlock) fetches it and the header says so, on any screen.
  const vault = new VaultPage(page);
  await vault.lock();
  await vault.unlock(PASSPHRASE);
  const notice = page.getByTestId('emergency-opened-notice');
  await expect(notice).toContainText('Emergency code opened');
  await new RecordPage(page).gotoTimeline();
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency profile' })).toBeVisible();
  // The device names the profile from the opened token's hash (the server knows no names).
  await expect(page.getByTestId('emergency-openings')).toContainText(
    'Emergency code of Camille Martin opened at',
  );
  await expect(page.getByTestId('emergency-openings').getByRole('listitem')).toHaveCount(1);
  // Seen on /emergency: the header note goes away.
  await expect(notice).toHaveCount(0);

  // The in-app scanner, from an image: a foreign code is shown as text and not opened; a Carnet
  // emergency code opens the responder page.
  const { toBuffer } = await import('qrcode');
  await page.getByRole('link', { name: 'Scan a code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
  const image = page.getByLabel('Open an image');
  await image.setInputFiles({
    name: 'foreign.png',
    mimeType: 'image/png',
    buffer: await toBuffer('https://evil.example/e#1.abc', { errorCorrectionLevel: 'M', scale: 6 }),
  });
  await expect(page.getByTestId('scan-foreign')).toContainText('https://evil.example/e#1.abc');
  expect(new URL(page.url()).pathname).toBe('/scan');
  await image.setInputFiles({
    name: 'emergency.png',
    mimeType: 'image/png',
    buffer: await toBuffer(link, { errorCorrectionLevel: 'M', scale: 6 }),
  });
  await page.waitForURL((url) => url.pathname === '/e');
  await expectResponderPage(page);
  // Read, then gone from the address bar and the history entry.
  expect(page.url()).toBe(`${server.baseUrl}/e`);

  expect(watch.errors, 'console errors').toEqual([]);
  expect(watch.cspViolations, 'CSP violations').toEqual([]);
  expect(externalRequests(watch)).toEqual([]);

  // The server logged the responder page's request, and never the fragment.
  const log = server.output();
  expect(log).toMatch(/"path":"\/e"/);
  expect(log).toMatch(/"path":"\/api\/emergency\/opened","status":204/);
  expect(log.includes(fragment.slice(2, 40))).toBe(false);
  expect(log.includes('#1.')).toBe(false);
  await context.close();
});
