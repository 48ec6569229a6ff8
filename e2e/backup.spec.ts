import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { recordEn } from '../web/src/features/record/strings.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { newPractitioner } from './pages/practitioner-device.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { navigateInApp } from './support/navigate.ts';
import { watchPage } from './support/page-watch.ts';
import { dumpBrowserStorage } from './support/storage-dump.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const DOCUMENT_BYTES = 5 * 1024 * 1024 + 12_345;
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
const DOCTOR = 'Dr Alice Martin';
/** The share agent imports practitioner entries every few seconds. */
const AGENT_TIMEOUT = 30_000;

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * Counts `navigator.storage.persist()` calls (the real one still runs), and hides the File System
 * Access picker: its native dialog cannot be driven, so the backup takes the download path.
 */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __persistCalls: number; showSaveFilePicker?: unknown };
    w.__persistCalls = 0;
    delete w.showSaveFilePicker;
    const storage = navigator.storage;
    const original = storage.persist.bind(storage);
    storage.persist = () => {
      w.__persistCalls += 1;
      return original();
    };
  });
}

/**
 * The browser's storage, less two things a running session rewrites on its own: the last KDF
 * duration (a timing the progress bar keeps) and the reminders' sealed state, whose "checked at"
 * the reminder runner moves every minute (features/reminders/reminder-runner.tsx). Neither is vault data.
 */
async function vaultStorage(page: Page): Promise<string> {
  return (await dumpBrowserStorage(page))
    .replace(/^carnet\.kdfMs=.*$/m, '')
    .replace(/^\s*\{"id":"reminders",.*$/m, '');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function axe(page: Page, label: string): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${label}: ${v.id} ${v.help} — ${v.targets.join(', ')}`);
}

async function setLanguage(page: Page, button: 'English' | 'Français', lang: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Restores `file` on a new browser context and checks the record and the document's bytes. */
async function restoreFresh(
  page: Page,
  file: string,
  secret: { passphrase: string } | { recoveryKey: string },
  documentHash: string,
): Promise<void> {
  await instrument(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Restore from a backup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Restore from a backup' })).toBeVisible();
  await page.getByLabel('Backup file').setInputFiles(file);
  await expect(page.getByText(/^Backup made on/)).toBeVisible();
  if ('passphrase' in secret) {
    await page.getByLabel('Passphrase', { exact: true }).fill(secret.passphrase);
  } else {
    await page.getByLabel('The recovery key').check();
    await page.getByLabel('Recovery key', { exact: true }).fill(secret.recoveryKey);
  }
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What the restore will do' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/holds 2 profiles, 9 entries and 11 document parts/)).toBeVisible();
  await shoot(page, `restore-preview-${'passphrase' in secret ? 'passphrase' : 'recovery'}`);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('The backup is restored and your vault is open.')).toBeVisible({
    timeout: 60_000,
  });
  await shoot(page, `restore-done-${'passphrase' in secret ? 'passphrase' : 'recovery'}`);
  await page.getByRole('link', { name: 'Go to my record' }).click();

  const records = new RecordPage(page);
  await records.gotoTimeline();
  await records.expectInTimeline('Penicillin');
  await records.expectInTimeline('Amoxicillin');
  for (const text of ['Asthma', 'Tetanus', 'Ferritin', '128/82']) await records.expectInTimeline(text);
  // The practitioner's entry comes back with its signature checked again on this device.
  await records.gotoKind('practitioner-entry');
  await records.main.getByRole('link').filter({ hasText: 'Allergy review' }).first().click();
  await expect(page.getByText(`From ${DOCTOR} — signature verified`)).toBeVisible();
  await new ProfilesPage(page).switchTo('Léo Martin');
  await records.gotoTimeline();
  await records.expectInTimeline('Growth check');
  await new ProfilesPage(page).switchTo('Camille Martin');
  const documents = new DocumentsPage(page);
  await documents.goto();
  const { bytes } = await documents.download('scan.bin');
  expect(bytes.length).toBe(DOCUMENT_BYTES);
  expect(sha256(bytes)).toBe(documentHash);
  expect(
    await page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls),
  ).toBeGreaterThan(0);
}

test('back up a vault, restore it on a fresh browser with the passphrase and with the recovery key', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const watch = await watchPage(page);
  await instrument(page);
  const vault = new VaultPage(page);
  await vault.gotoHome();
  const recoveryKey = await vault.createVault(PASSPHRASE);
  expect(
    await page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls),
  ).toBeGreaterThan(0);

  const profiles = new ProfilesPage(page);
  await profiles.createFirst({ name: 'Camille Martin' });
  const records = new RecordPage(page);
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Hives' });
  await records.addMedication({
    name: 'Amoxicillin',
    dose: '1 g',
    frequency: 'three times a day',
    start: '2026-11-01',
  });
  await records.add('condition', {
    [recordEn.fields.conditionName]: 'Asthma',
    [recordEn.fields.onsetDate]: '2015-09-01',
  });
  await records.add('vaccination', {
    [recordEn.fields.vaccine]: 'Tetanus',
    [recordEn.fields.vaccinationDate]: '2024-05-02',
  });
  await records.add('lab-result', {
    [recordEn.fields.testName]: 'Ferritin',
    [recordEn.fields.labValue]: '80',
    [recordEn.fields.labUnit]: 'ug/L',
    [recordEn.fields.labDate]: '2026-10-20',
  });
  await records.addBloodPressure({ systolic: 128, diastolic: 82, at: '2026-11-14T08:15' });

  // A practitioner entry, signed and verified: through a share (sync on, a practitioner's context).
  const tag = randomBytes(4).toString('hex');
  const sync = new SyncPage(page);
  await sync.turnOnSync(`backup-${tag}@example.org`, PASSPHRASE);
  await sync.expectSynced();
  const share = await new SharePage(page).create({ sections: ['allergy'], mode: 'read-add', expiry: '24h' });
  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const doc = await doctorContext.newPage();
    const { vault: doctorVault, doctor } = await newPractitioner(
      doc,
      `doctor-${tag}@example.org`,
      DOCTOR_PASS,
      {
        name: DOCTOR,
        profession: 'General practitioner',
        professionalId: '10001234567',
        city: 'Lyon',
      },
    );
    await doc.goto('about:blank');
    await doc.goto(share.link);
    await doctorVault.unlock(DOCTOR_PASS);
    await doctorVault.expectUnlocked();
    await doctor.open();
    await doctor.addNote('Allergy review', 'Hives under penicillin: avoid.');
  } finally {
    await doctorContext.close();
  }
  await records.gotoKind('practitioner-entry');
  const entry = records.main.getByRole('link').filter({ hasText: 'Allergy review' }).first();
  await expect(entry).toBeVisible({ timeout: AGENT_TIMEOUT });
  await entry.click();
  await expect(page.getByText(`From ${DOCTOR} — signature verified`)).toBeVisible();

  const document = new Uint8Array(DOCUMENT_BYTES).map((_, i) => (i * 7919 + (i >> 9)) % 256);
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.upload({
    name: 'scan.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(document),
  });
  await profiles.goto();
  await profiles.add({ name: 'Léo Martin', relationship: 'child', dateOfBirth: '2016-05-02' });
  await profiles.switchTo('Léo Martin');
  await records.addNote('Growth check', 'Height 1.32 m');
  await profiles.switchTo('Camille Martin');

  // Settings shows the storage state and links to the backup.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const storage = page.getByRole('region', { name: 'Storage on this device' });
  await expect(storage.getByTestId('storage-persistence')).toHaveText(/protected/i);
  await expect(storage.getByText(/^Used: /)).toBeVisible();
  await storage.scrollIntoViewIfNeeded();
  await shoot(page, 'settings-storage-en');
  await storage.getByRole('link', { name: 'Back up' }).click();

  // Back up (download), by keyboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Back up this vault' })).toBeVisible();
  await expect(page.getByText(/^Estimated size: /)).toBeVisible();
  const save = page.getByRole('button', { name: 'Save a backup' });
  await save.focus();
  const downloadStarted = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^carnet-\d{4}-\d{2}-\d{2}\.carnet$/);
  const file = test.info().outputPath('vault.carnet');
  await download.saveAs(file);
  const fileBytes = await readFile(file);
  await expect(page.getByText(/^Backup saved: /)).toBeVisible();
  await expect(page.getByText(/^Last backup on this device: /)).toBeVisible();
  await page.getByLabel('Remind me to back up').selectOption({ label: 'Every 30 days' });
  await shoot(page, 'backup-en');

  // A bad file into the open vault: its message, and nothing changed.
  await navigateInApp(page, '/restore');
  const before = await vaultStorage(page);
  const truncated = test.info().outputPath('truncated.carnet');
  await writeFile(truncated, fileBytes.subarray(0, fileBytes.length - 5000));
  await page.getByLabel('Backup file').setInputFiles(truncated);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This backup is incomplete: the file ends too early. Try another copy. Your vault was not changed.',
    { timeout: 60_000 },
  );
  const notBackup = test.info().outputPath('photo.carnet');
  await writeFile(notBackup, Buffer.from('not a backup at all, just text'));
  await page.getByLabel('Backup file').setInputFiles(notBackup);
  await expect(page.getByText('This file is not a Carnet backup. Your vault was not changed.')).toBeVisible();
  await shoot(page, 'restore-bad-file-en');
  expect(await vaultStorage(page)).toBe(before);

  // The same file merged into the open vault: everything is already there.
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What the restore will do' })).toBeVisible({
    timeout: 60_000,
  });
  const problems = await axe(page, 'en /restore preview');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // French: screens and axe.
  await setLanguage(page, 'Français', 'fr');
  for (const route of ['/backup', '/restore', '/settings']) {
    await navigateInApp(page, route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    problems.push(...(await axe(page, `fr ${route}`)));
    await shoot(page, `fr${route.replace('/', '-')}`);
  }
  await setLanguage(page, 'English', 'en');
  for (const route of ['/backup', '/restore']) {
    await navigateInApp(page, route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    problems.push(...(await axe(page, `en ${route}`)));
    await shoot(page, `en${route.replace('/', '-')}`);
  }
  expect(problems).toEqual([]);

  const documentHash = sha256(document);
  for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey }]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      await restoreFresh(await context.newPage(), file, secret, documentHash);
    } finally {
      await context.close();
    }
  }
  expect(watch.cspViolations).toEqual([]);
});
