/**
 * Emergency QR profile, continued: over-budget trimming, the wallet card PDF and the wallpaper, the
 * lock-screen opt-in and opt-out, and the scanner's camera path. On the suite's own server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { emergencyLink } from '../shared/emergency/payload.ts';
import { EXAMPLE_PROFILE } from '../shared/emergency/testing.ts';
import { emergencyEn } from '../web/src/features/emergency/strings.ts';
import { decodeQrPng, EmergencyPage } from './pages/emergency-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './support/chromium.ts';
import { buildProfile, fillRecord, PASSPHRASE } from './support/emergency-journey.ts';
import { followMainLink } from './support/main-nav.ts';
import { writeQrVideo } from './support/qr-video.ts';
import { dumpBrowserStorage } from './support/storage-dump.ts';

test('over budget, lowest-priority items are trimmed and the editor says so; wallet card PDF; lock-screen opt-in', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
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
  // The files are made from the saved profile only, and say so: with the medications not saved yet
  // they stay available and show the version saved before.
  const cardButton = page.getByRole('button', { name: 'Download the wallet card (PDF)' });
  await expect(page.getByTestId('take-away-unsaved')).toHaveText(emergencyEn.takeAway.unsaved);
  await expect(cardButton).toBeEnabled();
  await page.getByLabel('Blood type', { exact: true }).fill('O-');
  await emergency.save();
  await expect(page.getByText(emergencyEn.takeAway.fromSaved)).toBeVisible();
  await expect(cardButton).toBeEnabled();

  // An unsaved edit: the files stay available and say they show the saved version.
  await page.getByLabel('Blood type', { exact: true }).fill('AB+');
  await expect(page.getByTestId('take-away-unsaved')).toHaveText(emergencyEn.takeAway.unsaved);
  await expect(cardButton).toBeEnabled();
  // The access-log opt-in applies at once, is announced, and leaves the pending edit pending.
  const accessLog = page.getByLabel(emergencyEn.accessLog.label);
  await accessLog.check();
  await expect(page.getByTestId('access-log-status')).toHaveText(emergencyEn.accessLog.savedOn);
  await expect(page.getByTestId('take-away-unsaved')).toBeVisible();
  await accessLog.uncheck();
  await expect(page.getByTestId('access-log-status')).toHaveText(emergencyEn.accessLog.savedOff);
  // Leaving with the edit unsaved asks first; staying keeps it.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await followMainLink(page, 'Record');
  await expect.poll(() => asked).toBe(emergencyEn.leave);
  await expect(page.getByRole('heading', { level: 1, name: emergencyEn.title })).toBeVisible();
  await expect(page.getByLabel('Blood type', { exact: true })).toHaveValue('AB+');
  await page.getByLabel('Blood type', { exact: true }).fill('O-');
  await emergency.save();
  await expect(page.getByText(emergencyEn.takeAway.fromSaved)).toBeVisible();

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
    expect(decodeQrPng(half(true))).toMatch(new RegExp(`^${baseURL}/e#1\\.`));
    expect(decodeQrPng(half(false))).toContain('Penicillin: Anaphylaxis');
    const pdfText = execFileSync('pdftotext', [pdfPath, '-']).toString();
    expect(pdfText).toContain('Camille Martin');
    // Each code says what it is for, and the blood type is a line of its own.
    expect(pdfText).toContain('Opens the Carnet page');
    expect(pdfText).toContain('Any phone camera, no internet');
    // With -layout: plain pdftotext joins a line ending in "-" (O-) to the next as a hyphenation.
    const laidOut = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    expect(laidOut).toMatch(/^\s*Blood type: O-(\s|$)/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Wallpaper: a PNG whose QR opens the same page.
  const [wallpaper] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a lock-screen wallpaper (PNG)' }).click(),
  ]);
  const wallpaperPath = await wallpaper.path();
  expect(decodeQrPng(readFileSync(wallpaperPath))).toMatch(new RegExp(`^${baseURL}/e#1\\.`));

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
  // The copy holds the full profile; only its QR is trimmed to fit.
  await expect(view.getByText(meds[11] as string, { exact: true })).toBeVisible();
  const lockQr = decodeQrPng(await page.getByTestId('lock-screen-qr').screenshot());
  expect(lockQr).toMatch(new RegExp(`^${baseURL}/e#1\\.`));
  expect(await seriousViolations(page)).toEqual([]);
  // Still locked: the vault screens were never unlocked to show this.
  await page.getByRole('link', { name: 'Back to unlock' }).click();
  await expect(vault.unlockHeading).toBeVisible();

  // Opting out deletes the unencrypted copy; no plaintext is left anywhere in the browser's storage.
  await vault.unlock(PASSPHRASE);
  await emergency.goto();
  await emergency.setLockScreen(false);
  expect(await lockKeys()).toEqual([]);
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
});

/** A browser whose fake camera films a QR code of `text`, at the scan page of a fresh vault. */
async function withCamera(
  baseURL: string | undefined,
  text: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-camera-'));
  const video = join(dir, 'qr.y4m');
  writeQrVideo(video, text);
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
    const context = await browser.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto('/');
    await new VaultPage(page).createVault(PASSPHRASE);
    await new ProfilesPage(page).createFirst({ name: 'Scanner Test' });
    await new EmergencyPage(page).goto();
    await page.getByRole('link', { name: 'Scan a code' }).click();
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await run(page);
    await context.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the scanner reads an emergency code from the camera and opens it', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const link = emergencyLink(baseURL ?? '', EXAMPLE_PROFILE);
  await withCamera(baseURL, link, async (page) => {
    await page.waitForURL((url) => url.pathname === '/e', { timeout: 30_000 });
    // The responder page reads the fragment, then takes it out of the address bar and history.
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
    await expect(page.getByText('Penicillin: anaphylaxis', { exact: true })).toBeVisible();
  });
});

test('a foreign code seen by the camera is shown, not opened, and the camera goes off', async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  await withCamera(baseURL, 'https://evil.example/e#1.abc', async (page) => {
    await expect(page.getByTestId('scan-foreign')).toContainText('https://evil.example/e#1.abc', {
      timeout: 30_000,
    });
    expect(new URL(page.url()).pathname).toBe('/scan');
    await expect(page.getByRole('button', { name: 'Start the camera' })).toBeVisible();
    const live = await page.evaluate(() => {
      const stream = document.querySelector('video')?.srcObject;
      return stream instanceof MediaStream
        ? stream.getTracks().filter((t) => t.readyState === 'live').length
        : 0;
    });
    expect(live).toBe(0);
  });
});
