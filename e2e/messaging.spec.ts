/**
 * End-to-end-encrypted messaging (issue 17, web side): a practitioner lists themself in the
 * directory and accepts messages; a patient with sync on, two family profiles and a document in
 * the record finds them by specialty and writes while OFFLINE: the message waits on the device
 * ("waiting to send"), then goes once back online and arrives live on the practitioner's list with
 * its unread count. The practitioner opens it verified, asks for a new document (a structured
 * request); the patient answers by attaching the document from the record; the practitioner
 * downloads it (its SHA-256 compared with the original's) and answers with a file of their own,
 * which the patient saves into the record. Unread counts move on both sides; the server's database
 * holds no message text and no file content. By keyboard; screens at 390 px in English and
 * French, axe-clean.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { messagesFr } from '../web/src/features/messages/strings.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { newSyncedVault } from './pages/practitioner-device.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage } from './support/main-nav.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
const DB_DIR = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'data');
/** Live arrival: the event stream (or the outbox's retry), then one listing and one thread fetch. */
const LIVE = 30_000;

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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('messaging: directory, offline outbox, live arrival, request answered with a record document, downloads checked, unread counts', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const doctorName = `Dr Inès Moreau ${tag}`;
  const reportMarker = `BILANSANGUINHEMOGLOBINE${tag.toUpperCase()}`;
  const report = Buffer.from(`%PDF-1.4\n${reportMarker}\n${'résultats '.repeat(300)}\n%%EOF\n`);
  const prescriptionMarker = `ORDONNANCEPARACETAMOL${tag.toUpperCase()}`;
  const prescription = Buffer.from(`${prescriptionMarker}\nParacétamol 1 g, 3 fois par jour.\n`);

  // Patient: a vault, two family profiles, a document in Camille's record, sync on.
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  const profiles = new ProfilesPage(page);
  await profiles.createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  await profiles.goto();
  await profiles.add({ name: 'Léo Durand', dateOfBirth: '2016-09-01' });
  await profiles.switchTo('Camille Durand');
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.upload(
    { name: 'bilan-sanguin.pdf', mimeType: 'application/pdf', buffer: report },
    { title: 'Bilan sanguin', category: 'Lab result' },
  );
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
    await newSyncedVault(doc, `doctor-${tag}@example.org`, DOCTOR_PASS);
    const doctor = new MessagesPage(doc);
    await doctor.listAsPractitioner({
      name: doctorName,
      profession: 'General practitioner',
      specialty: 'Médecine générale',
      city: 'Lyon',
      languages: ['French', 'Spanish'],
    });
    await doctor.goto();
    await expect(doctor.main.getByText(doctor.s.page.none)).toBeVisible();

    // The patient, on a phone, finds them (accents and case do not matter), then loses the network.
    await page.setViewportSize({ width: 390, height: 844 });
    const patient = new MessagesPage(page);
    await patient.writeTo('generale', doctorName, 'Spanish');
    await expect(patient.main.getByText(patient.s.thread.none)).toBeVisible();
    await page.context().setOffline(true);
    const secret = `Bonjour docteur ${tag}`;
    await expect(patient.field(patient.s.thread.writingFor)).toBeVisible();
    await patient.chooseByKeyboard(patient.field(patient.s.thread.writingFor), 'Camille Durand');
    await patient.send([secret, 'Deuxième ligne']);
    // Kept on the device, sealed, shown as waiting; the box is free again.
    await expect(patient.main.getByText(patient.s.thread.queued)).toBeVisible({ timeout: LIVE });
    await expect(patient.waiting()).toHaveCount(1);
    await expect(patient.waiting().first()).toContainText(secret);
    await expect(patient.waiting().first()).toContainText(patient.s.thread.waiting);
    await expect(patient.compose).toHaveValue('');
    await expect(patient.messages()).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('thread-waiting-en-390.png'), fullPage: true });

    // Back online: it goes by itself and arrives live on the practitioner's list.
    await page.context().setOffline(false);
    await expect(patient.messages()).toHaveCount(1, { timeout: LIVE });
    await expect(patient.waiting()).toHaveCount(0);
    await expect(patient.messages().first()).toContainText(secret);
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
    await expect(received).toContainText(doctor.s.thread.for.replace('{{ name }}', 'Camille Durand'));
    await expect(doctor.navLink()).not.toContainText(doctor.s.navUnread.replace('{{ count }}', '1'));

    // The practitioner asks for a new document, by keyboard.
    await doctor.chooseByKeyboard(
      doctor.field(doctor.s.thread.request.label),
      doctor.s.thread.request['new-document'],
    );
    const ask = `Pouvez-vous m'envoyer votre dernier bilan ? ${tag}`;
    await doctor.send([ask]);
    await expect(doctor.messages()).toHaveCount(2, { timeout: LIVE });
    const asked = `${doctor.s.thread.request.asks.replace('{{ what }}', doctor.s.thread.request['new-document'])}`;
    await expect(doctor.messages().nth(1)).toContainText(asked);
    await expect(doctor.messages().nth(1)).toContainText(doctor.s.thread.request.open);

    // The patient sees it live, answers it by attaching the document from Camille's record.
    await expect(patient.messages()).toHaveCount(2, { timeout: LIVE });
    const request = patient.messages().nth(1);
    await expect(request).toContainText(asked);
    await patient.pressButton(patient.s.thread.request.answer, request);
    await expect(patient.compose).toBeFocused();
    await expect(
      patient.main.getByText(patient.s.thread.request.answering.split('{{')[0] ?? ''),
    ).toBeVisible();
    await patient.chooseByKeyboard(patient.field(patient.s.thread.attach.fromRecord), 'Bilan sanguin');
    const reply = `Voici mon bilan ${tag}`;
    await patient.send([reply]);
    await expect(patient.messages()).toHaveCount(3, { timeout: LIVE });
    await expect(patient.messages().nth(2)).toContainText('bilan-sanguin.pdf');
    await expect(patient.messages().nth(1)).toContainText(patient.s.thread.request.answered);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('thread-answered-en-390.png'), fullPage: true });

    // The practitioner downloads it: the bytes are the patient's, SHA-256 compared.
    await expect(doctor.messages()).toHaveCount(3, { timeout: LIVE });
    const withFile = doctor.messages().nth(2);
    await expect(withFile).toContainText(reply);
    await expect(doctor.messages().nth(1)).toContainText(doctor.s.thread.request.answered);
    // A practitioner keeps files in the thread only: no "save in the record" offered.
    await expect(withFile.getByRole('button', { name: /^Save / })).toHaveCount(0);
    const downloadStarted = doc.waitForEvent('download');
    await doctor.pressButton(
      doctor.s.thread.attach.download.replace('{{ name }}', 'bilan-sanguin.pdf'),
      withFile,
    );
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('bilan-sanguin.pdf');
    const downloaded = await readFile(await download.path());
    expect(sha256(downloaded)).toBe(sha256(report));
    await expect(withFile.getByRole('status')).toContainText(
      doctor.s.thread.attach.downloaded.replace('{{ name }}', 'bilan-sanguin.pdf'),
    );

    // The patient waits on the list; the practitioner answers with a prescription file.
    await patient.goto();
    await doctor.main.getByLabel(doctor.s.thread.attach.newFile, { exact: true }).setInputFiles({
      name: 'ordonnance.txt',
      mimeType: 'text/plain',
      buffer: prescription,
    });
    const thanks = `Bien reçu, voici l'ordonnance ${tag}`;
    await doctor.send([thanks]);
    await expect(doctor.messages()).toHaveCount(4, { timeout: LIVE });
    await expect(patient.threadItem(doctorName)).toContainText(
      patient.s.page.unread.replace('{{ count }}', '1'),
      { timeout: LIVE },
    );
    expect(await patient.navText()).toContain(patient.s.navUnread.replace('{{ count }}', '1'));
    await patient.threadLink(doctorName).focus();
    await page.keyboard.press('Enter');
    await expect(patient.messages()).toHaveCount(4);
    await expect.poll(() => patient.navText()).not.toContain(patient.s.navUnread.replace('{{ count }}', '1'));
    const answer = patient.messages().nth(3);
    await expect(answer).toContainText(thanks);
    await expect(answer).toContainText(patient.s.thread.verified);
    // The practitioner had the thread open when the answer came: read, on the patient's screen.
    await expect(patient.messages().nth(2)).toContainText(patient.s.thread.delivery.read);
    // The patient saves the prescription into Camille's record.
    await patient.pressButton(
      patient.s.thread.attach.save
        .replace('{{ name }}', 'ordonnance.txt')
        .replace('{{ profile }}', 'Camille Durand'),
      answer,
    );
    await expect(answer.getByRole('status')).toContainText(
      patient.s.thread.attach.saved.replace('{{ name }}', 'ordonnance.txt'),
    );
    // The practitioner's fingerprint on the patient's screen is the one the practitioner sees as theirs.
    const doctorOwn = await doctor.main.locator('.fingerprints dd').nth(1).textContent();
    await expect(patient.main.locator('.fingerprints dd').first()).toHaveText(doctorOwn ?? 'missing');

    // The server kept ciphertext only: no message text, no file content in its database (the
    // practitioner's name, which carries the tag, is public by design, so the texts are searched whole).
    const stored = serverBytes();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.includes(doctorName), 'the scan reads the database').toBe(true);
    for (const text of [secret, ask, reply, thanks, 'Deuxième ligne', reportMarker, prescriptionMarker]) {
      expect(stored.includes(text), `"${text}" stored in clear`).toBe(false);
    }

    // French, 390 px: the thread and the conversations list, looked at.
    await chooseLanguage(page, 'Français');
    const fr = new MessagesPage(page, messagesFr);
    await expect(fr.main.getByLabel(messagesFr.thread.compose, { exact: true })).toBeVisible();
    await expect(fr.messages().nth(1)).toContainText(messagesFr.thread.request.answered);
    await expect(fr.messages().nth(1)).toContainText(messagesFr.thread.request['new-document']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('thread-patient-fr-390.png'), fullPage: true });

    // Archived: the conversation moves to its own section, in French too.
    await fr.pressButton(messagesFr.thread.archive);
    await expect(fr.main.getByText(messagesFr.thread.archivedNote)).toBeVisible();
    await fr.goto();
    await expect(fr.main.getByRole('heading', { name: messagesFr.page.archivedTitle })).toBeVisible();
    await expect(fr.threadLink(doctorName)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('messages-fr-390.png'), fullPage: true });
    await chooseLanguage(page, 'English');
    await patient.goto();
    await page.screenshot({ path: testInfo.outputPath('messages-en-390.png'), fullPage: true });

    // The saved prescription is in Camille's documents.
    await documents.goto();
    await expect(documents.item('ordonnance.txt')).toBeVisible();
  } finally {
    await doctorContext.close();
  }
});
