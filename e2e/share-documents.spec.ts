/**
 * Documents in care exchanges (issue 19 item 5). A patient shares a document with a share: sizes
 * and the total are shown before sharing; the practitioner downloads it and its SHA-256 is that of
 * the original file; a chunk altered on the server shows an error and no file; revoking the share
 * makes the document unreachable. Then the practitioner attaches a signed file to an entry: it
 * arrives on the patient's device as a read-only document marked verified; an attachment altered
 * on the server shows as invalid and is not imported. Axe, keyboard, EN and FR at 390 px.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { sharesFr } from '../web/src/features/shares/strings.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { newPractitioner } from './pages/practitioner-device.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage } from './support/main-nav.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
/** The agent uploads snapshots and imports entries every few seconds. */
const AGENT_TIMEOUT = 30_000;
const DB_FILE = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'data', 'carnet.sqlite');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openLink(page: Page, link: string): Promise<SharePage> {
  await page.goto('about:blank');
  await page.goto(link);
  const vault = new VaultPage(page);
  await vault.unlock(DOCTOR_PASS);
  await vault.expectUnlocked();
  return new SharePage(page);
}

/** Replaces one stored chunk of a share file with the same chunk, one byte flipped (the hostile server). */
function alterChunk(shareId: string): number {
  const db = new Database(DB_FILE, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db
      .prepare(
        `SELECT c.file_id AS fileId, c.idx AS idx, c.data AS data FROM share_file_chunks c
         JOIN share_files f ON f.share_id = c.share_id AND f.id = c.file_id
         JOIN shares s ON s.id = f.share_id
         WHERE c.share_id = ? AND f.uploader_id = s.owner_id
         ORDER BY c.idx LIMIT 1`,
      )
      .get(shareId) as { fileId: string; idx: number; data: string } | undefined;
    if (!row) return 0;
    const bytes = Buffer.from(row.data, 'base64url');
    bytes[40] = (bytes[40] ?? 0) ^ 0x01;
    return db
      .prepare('UPDATE share_file_chunks SET data = ? WHERE share_id = ? AND file_id = ? AND idx = ?')
      .run(bytes.toString('base64url'), shareId, row.fileId, row.idx).changes;
  } finally {
    db.close();
  }
}

test('documents in a share: sizes before sharing, opened by the practitioner (hash compared), tamper refused, revoked', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const tag = randomBytes(4).toString('hex');

  // Patient: a vault, a profile, an allergy, a document of 700 KiB (two chunks), sync on.
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  await new RecordPage(page).addAllergy({ substance: 'Penicillin', severity: 'moderate', reaction: 'Hives' });
  const original = randomBytes(700 * 1024);
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.upload(
    { name: 'irm-genou.pdf', mimeType: 'application/pdf', buffer: original },
    { title: 'IRM genou', category: 'Imaging', date: '2026-10-02' },
  );
  await documents.upload(
    { name: 'bilan.txt', mimeType: 'text/plain', buffer: Buffer.from(`Bilan sanguin ${tag}`) },
    { title: 'Bilan sanguin', category: 'Lab result', date: '2026-09-14' },
  );
  const sync = new SyncPage(page);
  await sync.turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await sync.expectSynced();

  // At 390 px from here on. The form shows each document's size and, once ticked, the total, before anything is shared.
  await page.setViewportSize({ width: 390, height: 844 });
  const patient = new SharePage(page);
  await patient.gotoShares();
  const form = patient.main.getByRole('form', { name: patient.s.page.createTitle });
  const picker = form.getByRole('group', { name: patient.s.page.documents });
  await expect(picker.getByRole('checkbox', { name: 'IRM genou (700 kB)' })).toBeVisible();
  await picker.getByRole('checkbox', { name: /^IRM genou/ }).check();
  await expect(picker.getByRole('status')).toHaveText('1 document(s) chosen, 700 kB in all');
  // Keyboard: Tab reaches the next document box, Space ticks it.
  await picker.getByRole('checkbox', { name: /^IRM genou/ }).focus();
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('checkbox', { name: /^Bilan sanguin/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(picker.getByRole('status')).toContainText('2 document(s) chosen');
  await page.keyboard.press('Space');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('share-documents-form-en.png'), fullPage: true });
  // In French: the sizes in French number format.
  await chooseLanguage(page, 'Français');
  const pickerFr = patient.main
    .getByRole('form', { name: sharesFr.page.createTitle })
    .getByRole('group', { name: sharesFr.page.documents });
  await expect(pickerFr.getByRole('checkbox', { name: 'IRM genou (700 ko)' })).toBeVisible();
  await expect(pickerFr.getByRole('status')).toHaveText('1 document(s) choisi(s), 700 ko au total');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('share-documents-form-fr.png'), fullPage: true });
  await chooseLanguage(page, 'English');

  const share = await patient.create({ sections: ['allergy'], mode: 'read-add', documents: ['IRM genou'] });

  const doctorContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    acceptDownloads: true,
  });
  try {
    const doc = await doctorContext.newPage();
    const { doctor } = await newPractitioner(doc, `doctor-${tag}@example.org`, DOCTOR_PASS, {
      name: 'Dr Alice Martin',
      profession: 'GP',
      professionalId: '10001234567',
      city: 'Lyon',
    });

    await doc.setViewportSize({ width: 390, height: 844 });
    await openLink(doc, share.link);
    await doctor.open();
    await expect(doctor.section('allergy')).toContainText('Penicillin');
    await expect(doctor.files.getByRole('listitem')).toHaveCount(1);
    await expect(doctor.files).toContainText('IRM genou');
    await expect(doctor.files).toContainText('irm-genou.pdf, 700 kB');
    await expect(doctor.files).not.toContainText('Bilan sanguin');
    expect(await seriousViolations(doc)).toEqual([]);

    // Downloaded by keyboard: the bytes are the original file's (SHA-256 compared).
    const download = doc.waitForEvent('download');
    await doctor.files.getByRole('button', { name: 'Download IRM genou' }).focus();
    await doc.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('irm-genou.pdf');
    const bytes = await readFile(await saved.path());
    expect(sha256(bytes)).toBe(sha256(original));
    await expect(doctor.files.getByRole('status')).toHaveText(doctor.s.open.downloaded);
    await doc.screenshot({ path: testInfo.outputPath('shared-files-en.png'), fullPage: true });

    // A chunk altered on the server: an error, and no file.
    expect(alterChunk(share.id)).toBe(1);
    let downloads = 0;
    doc.on('download', () => {
      downloads += 1;
    });
    await doctor.files.getByRole('button', { name: 'Download IRM genou' }).click();
    await expect(doctor.files.getByRole('alert')).toHaveText(doctor.s.open.fileTampered);
    expect(downloads).toBe(0);
    expect(await seriousViolations(doc)).toEqual([]);
    await chooseLanguage(doc, 'Français');
    await expect(doc.getByRole('region', { name: sharesFr.open.files })).toContainText(
      'irm-genou.pdf, 700 ko',
    );
    await expect(doc.getByRole('region', { name: sharesFr.open.files }).getByRole('alert')).toHaveText(
      sharesFr.open.fileTampered,
    );
    expect(await seriousViolations(doc)).toEqual([]);
    await doc.screenshot({ path: testInfo.outputPath('shared-files-fr.png'), fullPage: true });
    await chooseLanguage(doc, 'English');

    // The practitioner attaches a signed report to a note: the patient's device imports it as a
    // read-only document marked verified, with the very bytes sent.
    const report = randomBytes(300 * 1024);
    await doctor.addNote('Compte rendu', 'IRM du genou relue : pas de lésion méniscale.', {
      name: 'compte-rendu.pdf',
      mimeType: 'application/pdf',
      buffer: report,
    });
    await documents.goto();
    const imported = documents.item('Compte rendu');
    await expect(imported).toBeVisible({ timeout: AGENT_TIMEOUT });
    await expect(imported).toContainText(
      'Attached to an entry by Dr Alice Martin — signature verified. Read-only.',
    );
    await expect(imported.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
    const received = await documents.download('Compte rendu');
    expect(received.fileName).toBe('compte-rendu.pdf');
    expect(sha256(received.bytes)).toBe(sha256(report));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('attached-document-en.png'), fullPage: true });
    await chooseLanguage(page, 'Français');
    await expect(page.locator('ul.documents__list')).toContainText(
      'Joint à un élément par Dr Alice Martin — signature vérifiée. Lecture seule.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('attached-document-fr.png'), fullPage: true });
    await chooseLanguage(page, 'English');
    const record = new RecordPage(page);
    await record.gotoKind('practitioner-entry');
    await record.main.getByRole('link').filter({ hasText: 'Compte rendu' }).first().click();
    await expect(page.getByText('From Dr Alice Martin — signature verified')).toBeVisible();
    await expect(
      page.getByText(/Attached file “compte-rendu.pdf” \(300 kB\): signed, checked/),
    ).toBeVisible();

    // Another report, altered by the server on its way to the patient's device (a route plays the
    // hostile server, flipping one byte of each chunk served): the entry arrives, its file is shown
    // as invalid and is not imported.
    await page.route('**/api/shares/*/files/*/chunks/*/read', async (route) => {
      const response = await route.fetch();
      const { data } = (await response.json()) as { data: string };
      const bytes = Buffer.from(data, 'base64url');
      bytes[40] = (bytes[40] ?? 0) ^ 0x01;
      await route.fulfill({ response, json: { data: bytes.toString('base64url') } });
    });
    await doctor.addNote('Scanner altéré', 'Résultat du scanner joint.', {
      name: 'scanner.pdf',
      mimeType: 'application/pdf',
      buffer: randomBytes(2000),
    });
    await record.gotoKind('practitioner-entry');
    const altered = record.main.getByRole('link').filter({ hasText: 'Scanner altéré' }).first();
    await expect(altered).toBeVisible({ timeout: AGENT_TIMEOUT });
    await altered.click();
    await expect(page.getByRole('alert')).toHaveText(
      'The attached file “scanner.pdf” failed its check against the signature: it was altered and was not imported.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('attachment-invalid-en.png'), fullPage: true });
    await documents.goto();
    await expect(documents.item('Compte rendu')).toBeVisible();
    await expect(documents.item('Scanner altéré')).toHaveCount(0);

    // Revoked: the document is unreachable (the server deleted its chunks).
    await patient.revoke(share.id);
    const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
    try {
      expect(
        // The patient's documents; the practitioner's (invalid) attachment stays for the owner's devices.
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM share_file_chunks c JOIN share_files f
               ON f.share_id = c.share_id AND f.id = c.file_id JOIN shares s ON s.id = f.share_id
             WHERE c.share_id = ? AND f.uploader_id = s.owner_id`,
          )
          .get(share.id),
      ).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
    await doctor.files.getByRole('button', { name: 'Download IRM genou' }).click();
    await expect(doctor.files.getByRole('alert')).toHaveText(doctor.s.errors['share-revoked']);
  } finally {
    await doctorContext.close();
  }
});
