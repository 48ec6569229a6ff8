/**
 * Emergency QR profile (issue 5): build it from the record, read the in-app QR as a camera would,
 * open the link offline (service worker) and in a fresh browser; the server never sees the fragment.
 * This spec runs its own server process so it can read every line the server logged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { emergencyLink } from '../shared/emergency/payload.ts';
import { EXAMPLE_PROFILE } from '../shared/emergency/testing.ts';
import { type SpawnedServer, spawnServer } from '../sync-server/src/testing/spawned-server.ts';
import { recordEn } from '../web/src/features/record/strings.ts';
import { decodeQrPng, EmergencyPage } from './pages/emergency-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './support/chromium.ts';
import { externalRequests, watchPage } from './support/page-watch.ts';
import { writeQrVideo } from './support/qr-video.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
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

/** First visit: the service worker installs and takes control (so the app and /e work offline). */
async function installApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** A vault with one profile and the critical record items a responder needs. */
async function fillRecord(page: Page): Promise<void> {
  const vault = new VaultPage(page);
  const records = new RecordPage(page);
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin', dateOfBirth: '1984-06-02' });
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Anaphylaxis' });
  await records.add('condition', {
    [recordEn.fields.conditionName]: 'Type 1 diabetes',
    [recordEn.fields.critical]: true,
  });
  await records.add('medication', {
    [recordEn.fields.medicationName]: 'Warfarin',
    [recordEn.fields.dose]: '5 mg',
    [recordEn.fields.frequency]: 'every evening',
    [recordEn.fields.startDate]: '2024-01-10',
    [recordEn.fields.highRisk]: true,
  });
}

async function buildProfile(page: Page, accessLog = false): Promise<EmergencyPage> {
  const emergency = new EmergencyPage(page);
  await emergency.goto();
  // Prefilled from the record, switched on because they are severe / critical / high risk.
  await expect(emergency.include('Penicillin: Anaphylaxis')).toBeChecked();
  await expect(emergency.include('Type 1 diabetes')).toBeChecked();
  await expect(emergency.include('Warfarin 5 mg, every evening')).toBeChecked();
  await emergency.setDirective('DNR: do not resuscitate');
  await emergency.addContact('Alex Martin', 'partner', '+33 6 12 34 56 78');
  if (accessLog)
    await page.getByRole('checkbox', { name: 'Tell me when my emergency page is opened' }).check();
  await emergency.save();
  return emergency;
}

const CRITICAL = [
  'DNR: do not resuscitate',
  'Type 1 diabetes',
  'Penicillin: Anaphylaxis',
  'Warfarin 5 mg, every evening',
];

async function expectResponderPage(page: Page): Promise<void> {
  for (const text of CRITICAL) await expect(page.getByText(text, { exact: true })).toBeVisible();
  await expect(page.getByText('Camille Martin', { exact: true })).toBeVisible();
  await expect(page.getByText(/Patient speaks: English/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Call Alex Martin/ })).toHaveAttribute(
    'href',
    'tel:+33612345678',
  );
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
  await responder.goto(link);
  for (const item of CRITICAL) await expect(responder.getByText(item, { exact: true })).toBeVisible();
  await expect(responder.getByText(/Le patient parle : anglais|Le patient parle: anglais/)).toBeVisible();
  await expect(responder.getByRole('heading', { level: 1 })).toHaveText('Informations médicales d’urgence');
  // No request carries the payload (the browser strips fragments; nothing re-sends it).
  for (const url of requests) expect(url.includes(fragment.slice(2, 40)), url).toBe(false);
  expect(responderWatch.errors, 'console errors').toEqual([]);
  expect(responderWatch.cspViolations, 'CSP violations').toEqual([]);
  expect(externalRequests(responderWatch)).toEqual([]);
  await fresh.close();

  // The access log: the patient sees the opening (the server got the token, not the profile).
  await new RecordPage(page).gotoTimeline();
  await emergency.goto();
  await expect(page.getByTestId('emergency-openings')).toContainText('Emergency profile opened at');
  await expect(page.getByTestId('emergency-openings').getByRole('listitem')).toHaveCount(1);

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
  expect(page.url()).toBe(link);
  await expectResponderPage(page);

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

test('over budget, lowest-priority items are trimmed and the editor says so; wallet card PDF; lock-screen opt-in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await fillRecord(page);
  const emergency = await buildProfile(page);

  // A bad phone number is refused with the section to fix, in the UI's language.
  await emergency.addContact('Sam', 'neighbour', 'call me');
  await page.getByRole('button', { name: 'Save the emergency profile' }).click();
  await expect(page.getByRole('alert')).toHaveText('Check these sections: Emergency contacts.');
  await expect(emergency.linkQr).toHaveCount(0);
  await emergency.include('Sam').uncheck();
  await expect(emergency.linkQr).toBeVisible();

  // Over budget: twelve long medications. The last ones go first; the critical items stay.
  const meds = Array.from(
    { length: 12 },
    (_, i) => `Medication number ${String(i + 1).padStart(2, '0')} ${'x'.repeat(90)}`,
  );
  for (const med of meds) await emergency.addItem('medications', med);
  const trimmed = page.getByTestId('emergency-plain-trimmed');
  await expect(trimmed).toBeVisible();
  await expect(trimmed).toContainText('Too long for one QR code');
  await expect(trimmed).toContainText(meds[11] as string);
  await expect(trimmed).not.toContainText('Penicillin');
  const text = await emergency.readQr(emergency.textQr);
  expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(997);
  expect(Number(await emergency.textQr.getAttribute('data-qr-version'))).toBeLessThanOrEqual(25);
  expect(text).toContain('Penicillin: Anaphylaxis');
  expect(text).toContain('Type 1 diabetes');
  expect(text).toContain('DNR: do not resuscitate');
  expect(text).not.toContain(meds[11]);
  await emergency.save();

  // Wallet card: a real PDF, rendered by poppler; its QR decodes and its text has the name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the wallet card (PDF)' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'carnet-card-'));
  try {
    const pdfPath = join(dir, 'card.pdf');
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', pdfPath, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')));
    // The card's two halves: front (link QR) on the left, back (text QR) on the right.
    const half = (left: boolean): Buffer => {
      const out = new PNG({ width: Math.floor(png.width / 2), height: Math.floor(png.height / 3) });
      PNG.bitblt(png, out, left ? 0 : Math.floor(png.width / 2), 0, out.width, out.height, 0, 0);
      return PNG.sync.write(out);
    };
    expect(decodeQrPng(half(true))).toMatch(new RegExp(`^${server.baseUrl}/e#1\\.`));
    expect(decodeQrPng(half(false))).toContain('Penicillin: Anaphylaxis');
    const pdfText = execFileSync('pdftotext', [pdfPath, '-']).toString();
    expect(pdfText).toContain('Camille Martin');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Wallpaper: a PNG whose QR opens the same page.
  const [wallpaper] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a lock-screen wallpaper (PNG)' }).click(),
  ]);
  const wallpaperPath = await wallpaper.path();
  expect(decodeQrPng(readFileSync(wallpaperPath))).toMatch(new RegExp(`^${server.baseUrl}/e#1\\.`));

  // Lock screen: no button until the patient opts in.
  const vault = new VaultPage(page);
  const emergencyButton = page.getByRole('link', { name: 'Emergency', exact: true });
  await vault.lock();
  await expect(vault.unlockHeading).toBeVisible();
  await expect(emergencyButton).toHaveCount(0);
  const lockKeys = () =>
    page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('carnet.emergency.lock-screen.')),
    );
  expect(await lockKeys()).toEqual([]);

  await vault.unlock(PASSPHRASE);
  await emergency.goto();
  await emergency.setLockScreen(true);
  expect(await lockKeys()).toHaveLength(1);
  await vault.lock();
  await page.reload();
  await expect(vault.unlockHeading).toBeVisible();
  await emergencyButton.click();
  const view = page.getByTestId('lock-screen-profile');
  await expect(view.getByText('Penicillin: Anaphylaxis', { exact: true })).toBeVisible();
  await expect(view.getByText('DNR: do not resuscitate', { exact: true })).toBeVisible();
  const lockQr = decodeQrPng(await page.getByTestId('lock-screen-qr').screenshot());
  expect(lockQr).toMatch(new RegExp(`^${server.baseUrl}/e#1\\.`));
  expect(await seriousViolations(page)).toEqual([]);
  // Still locked: the vault screens were never unlocked to show this.
  await page.getByRole('link', { name: 'Back to unlock' }).click();
  await expect(vault.unlockHeading).toBeVisible();

  // Opting out deletes the unencrypted copy; no plaintext is left anywhere in the browser's storage.
  await vault.unlock(PASSPHRASE);
  await emergency.goto();
  await emergency.setLockScreen(false);
  expect(await lockKeys()).toEqual([]);
  const { dumpBrowserStorage } = await import('./support/storage-dump.ts');
  const dump = await dumpBrowserStorage(page);
  expect(dump.length).toBeGreaterThan(2_000);
  expect(dump.includes('Penicillin')).toBe(false);
  expect(dump.includes('DNR: do not resuscitate')).toBe(false);
  await vault.lock();
  await expect(vault.unlockHeading).toBeVisible();
  await expect(emergencyButton).toHaveCount(0);

  // Deleting a profile deletes its lock-screen copy too.
  await vault.unlock(PASSPHRASE);
  await emergency.goto();
  await emergency.setLockScreen(true);
  expect(await lockKeys()).toHaveLength(1);
  const profiles = new ProfilesPage(page);
  await profiles.goto();
  await profiles.remove('Camille Martin');
  expect(await lockKeys()).toEqual([]);
  await context.close();
});

test('the scanner reads an emergency code from the camera and opens it', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'carnet-camera-'));
  const link = emergencyLink(server.baseUrl, EXAMPLE_PROFILE);
  const video = join(dir, 'qr.y4m');
  writeQrVideo(video, link);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto('/');
    await new VaultPage(page).createVault(PASSPHRASE);
    await new ProfilesPage(page).createFirst({ name: 'Scanner Test' });
    await new EmergencyPage(page).goto();
    await page.getByRole('link', { name: 'Scan a code' }).click();
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await page.waitForURL((url) => url.pathname === '/e', { timeout: 30_000 });
    expect(page.url()).toBe(link);
    await expect(page.getByText('Penicillin: anaphylaxis', { exact: true })).toBeVisible();
    await context.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
