/**
 * End-to-end-encrypted messaging (issue 17, web side): a practitioner lists themself in the
 * directory and accepts messages; a patient with sync on finds them by specialty, writes (Enter
 * sends, Shift+Enter a new line); the practitioner, on their conversations list, sees it arrive
 * live with its unread count, opens it verified and answers; the patient sees the answer live and
 * their own message read. Offline, a message is refused with the reason and kept in the box, then
 * sent once back online. The server's database holds no message text. Screens at 390 px in
 * English and French, axe-clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { messagesFr } from '../web/src/features/messages/strings.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage } from './support/main-nav.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
const DB_DIR = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'data');
/** Live arrival: the event stream, then one listing and one thread fetch. */
const LIVE = 15_000;

function serverBytes(): string {
  let text = '';
  for (const name of ['carnet.sqlite', 'carnet.sqlite-wal']) {
    try {
      text += readFileSync(join(DB_DIR, name)).toString('utf8');
    } catch {
      // No WAL file at this moment.
    }
  }
  return text;
}

test('messaging: directory, write, live arrival verified, answer, unread counts, offline refusal', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const doctorName = `Dr Inès Moreau ${tag}`;

  // Patient: a vault, a profile, sync on.
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  await new SyncPage(page).turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await new SyncPage(page).expectSynced();

  // Practitioner: another context, sync on, listed and accepting messages; waits on the list.
  const doctorContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  try {
    const doc = await doctorContext.newPage();
    const doctorVault = new VaultPage(doc);
    await doctorVault.gotoHome();
    await doctorVault.createVault(DOCTOR_PASS);
    await new SyncPage(doc).turnOnSync(`doctor-${tag}@example.org`, DOCTOR_PASS);
    await new SyncPage(doc).expectSynced();
    const doctor = new MessagesPage(doc);
    await doctor.listAsPractitioner({
      name: doctorName,
      profession: 'General practitioner',
      specialty: 'Médecine générale',
      city: 'Lyon',
    });
    await doctor.goto();
    await expect(doctor.main.getByText(doctor.s.page.none)).toBeVisible();

    // The patient, on a phone, finds them (accents and case do not matter) and writes, by keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    const patient = new MessagesPage(page);
    await patient.writeTo('generale', doctorName);
    await expect(patient.main.getByText(patient.s.thread.none)).toBeVisible();
    const secret = `Bonjour docteur ${tag}`;
    await patient.send([secret, 'Deuxième ligne']);
    await expect(patient.messages()).toHaveCount(1, { timeout: LIVE });
    await expect(patient.messages().first()).toContainText(secret);
    await expect(patient.messages().first()).toContainText(patient.s.thread.delivery.sent);
    await expect(patient.compose).toHaveValue('');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('thread-patient-en-390.png'), fullPage: true });

    // Live on the practitioner's list: the thread and its unread count, in the list and the nav.
    await expect(doctor.threadItem(doctor.s.page.patient)).toContainText(
      doctor.s.page.unread.replace('{{ count }}', '1'),
      { timeout: LIVE },
    );
    await expect(doctor.navLink()).toContainText(doctor.s.navUnread.replace('{{ count }}', '1'));
    expect(await seriousViolations(doc)).toEqual([]);
    await doctor.threadLink(doctor.s.page.patient).focus();
    await doc.keyboard.press('Enter');
    await expect(doctor.messages()).toHaveCount(1);
    const received = doctor.messages().first();
    await expect(received).toContainText(secret);
    await expect(received).toContainText('Deuxième ligne');
    await expect(received).toContainText(doctor.s.thread.verified);
    await expect(doctor.main.locator('.fingerprints code')).toHaveCount(2);
    // Opened: nothing unread any more.
    await expect(doctor.navLink()).not.toContainText(doctor.s.navUnread.replace('{{ count }}', '1'));

    // The practitioner answers; the patient sees it live, verified, and their message read.
    const answer = `Envoyez-moi vos analyses ${tag}`;
    await doctor.send([answer]);
    await expect(doctor.messages()).toHaveCount(2);
    await expect(patient.messages()).toHaveCount(2, { timeout: LIVE });
    await expect(patient.messages().nth(1)).toContainText(answer);
    await expect(patient.messages().nth(1)).toContainText(patient.s.thread.verified);
    await expect(patient.messages().first()).toContainText(patient.s.thread.delivery.read, { timeout: LIVE });
    // The practitioner's fingerprint on the patient's screen is the one the practitioner sees as theirs.
    const doctorOwn = await doctor.main.locator('.fingerprints dd').nth(1).textContent();
    await expect(patient.main.locator('.fingerprints dd').first()).toHaveText(doctorOwn ?? 'missing');

    // Offline: refused with the reason, the text kept; sent once back online.
    await page.context().setOffline(true);
    const late = `Écrit hors ligne ${tag}`;
    await patient.send([late]);
    await expect(patient.main.getByText(patient.s.errors.offline)).toBeVisible({ timeout: LIVE });
    await expect(patient.compose).toHaveValue(late);
    await page.context().setOffline(false);
    await patient.compose.press('Enter');
    await expect(patient.messages()).toHaveCount(3, { timeout: LIVE });
    await expect(doctor.messages()).toHaveCount(3, { timeout: LIVE });
    await expect(doctor.messages().nth(2)).toContainText(late);

    // The server kept ciphertext only: no message text in its database (the practitioner's name,
    // which carries the tag, is public by design, so the texts are searched whole).
    const stored = serverBytes();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.includes(doctorName), 'the scan reads the database').toBe(true);
    for (const text of [secret, answer, late, 'Deuxième ligne']) {
      expect(stored.includes(text), `"${text}" stored in clear`).toBe(false);
    }

    // French, 390 px: the thread and the conversations list, looked at.
    await chooseLanguage(page, 'Français');
    const fr = new MessagesPage(page, messagesFr);
    await expect(fr.main.getByLabel(messagesFr.thread.compose, { exact: true })).toBeVisible();
    await expect(fr.messages().nth(1)).toContainText(messagesFr.thread.verified);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('thread-patient-fr-390.png'), fullPage: true });
    await fr.goto();
    await expect(fr.threadLink(doctorName)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('messages-fr-390.png'), fullPage: true });
    await chooseLanguage(page, 'English');
    await patient.goto();
    await page.screenshot({ path: testInfo.outputPath('messages-en-390.png'), fullPage: true });
  } finally {
    await doctorContext.close();
  }
});
