/**
 * Practitioner access by shared code (issue 6): a patient and a practitioner, each in their own
 * browser context with their own vault and sync account on one server. The patient shares the
 * allergies (read + add); the practitioner opens the link, sees the allergies and nothing else, and
 * adds a prescription and a note; the patient sees them verified and cannot edit them; an allergy
 * edited by the patient reaches the practitioner; revoking cuts access at once. Then an expired share
 * is refused (its expiry is moved in the server's database: the server has no test clock) and a wrong
 * passcode locks a share after 5 tries.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { recordEn } from '../web/src/features/record/strings.ts';
import { sharesFr } from '../web/src/features/shares/strings.ts';
import { newPractitioner } from './pages/practitioner-device.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
const DOCTOR = 'Dr Alice Martin';
/** The agent uploads snapshots and imports entries every few seconds. */
const AGENT_TIMEOUT = 25_000;
const DB_FILE = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'data', 'carnet.sqlite');

async function openLink(page: Page, link: string): Promise<SharePage> {
  // From /s, going to /s#… would only change the fragment: leave first, so the link loads afresh.
  await page.goto('about:blank');
  await page.goto(link);
  const vault = new VaultPage(page);
  await vault.unlock(DOCTOR_PASS);
  await vault.expectUnlocked();
  return new SharePage(page);
}

test('share with a practitioner: open, sign a prescription, follow edits, revoke, expiry, passcode lock', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const tag = randomBytes(4).toString('hex');

  // Patient: a vault, a profile, an allergy (shared) and a note (not shared), sync on.
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  const record = new RecordPage(page);
  await record.addAllergy({ substance: 'Penicillin', severity: 'moderate', reaction: 'Hives' });
  await record.addNote('Private diary', `Never shared ${tag}`);
  const sync = new SyncPage(page);
  await sync.turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await sync.expectSynced();
  const patient = new SharePage(page);
  const share = await patient.create({ sections: ['allergy'], mode: 'read-add', expiry: '24h' });
  expect(share.link).toMatch(
    // `.0`: no passcode, so the practitioner's app opens it without asking for one.
    new RegExp(`^${testInfo.project.use.baseURL}/s#[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\.0$`),
  );
  // The QR code (SVG, drawn on demand) reads back as the link.
  const item = patient.item(share.id);
  await item.getByRole('button', { name: patient.s.page.showQr }).click();
  const qr = item.getByRole('img', { name: patient.s.page.qr });
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot());
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(share.link);
  expect(await seriousViolations(page)).toEqual([]);

  // Practitioner: another context, a vault, sync, a self-declared profile.
  const doctorContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    acceptDownloads: true,
  });
  try {
    const doc = await doctorContext.newPage();
    const { doctor } = await newPractitioner(doc, `doctor-${tag}@example.org`, DOCTOR_PASS, {
      name: DOCTOR,
      profession: 'General practitioner',
      professionalId: '10001234567',
      city: 'Lyon',
    });
    expect(await seriousViolations(doc)).toEqual([]);

    // Opens by link: the allergies, and nothing else.
    await openLink(doc, share.link);
    await doctor.open();
    await expect(doc.getByText('Patient: Camille Durand')).toBeVisible();
    await expect(doctor.section('allergy')).toContainText('Penicillin');
    await expect(doctor.section('note')).toHaveCount(0);
    await expect(doctor.main).not.toContainText('Private diary');
    await expect(doctor.main).not.toContainText(tag);
    expect(await seriousViolations(doc)).toEqual([]);

    // Adds a prescription, and downloads it as a PDF that names both people.
    await doctor.addPrescription('Ordonnance', [
      { medication: 'Amoxicilline 1 g', dosage: '1 comprimé matin et soir', duration: '6 jours' },
    ]);
    const download = doc.waitForEvent('download');
    await doc.getByRole('button', { name: doctor.s.entry.pdf }).click();
    const pdfPath = testInfo.outputPath('ordonnance.pdf');
    await (await download).saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(DOCTOR);
    expect(text).toContain('Camille Durand');
    expect(text).toContain('Amoxicilline 1 g');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', pdfPath, testInfo.outputPath('ordonnance')]);
    expect(readFileSync(testInfo.outputPath('ordonnance.png')).subarray(1, 4).toString()).toBe('PNG');

    // And a note: another entry type, signed and verified the same way.
    await doctor.addNote('Consultation', 'Urticaire sous pénicilline : à éviter.');

    // The patient sees it, verified, read-only.
    await record.gotoKind('practitioner-entry');
    const entryLink = record.main.getByRole('link').filter({ hasText: 'Ordonnance' }).first();
    await expect(entryLink).toBeVisible({ timeout: AGENT_TIMEOUT });
    await entryLink.click();
    await expect(page.getByText(`From ${DOCTOR} — signature verified`)).toBeVisible();
    await expect(page.getByText('Amoxicilline 1 g')).toBeVisible();
    await expect(page.getByText(recordEn.kindPage.readOnly)).toBeVisible();
    await expect(record.main.getByRole('button', { name: recordEn.editor.delete })).toHaveCount(0);
    await expect(record.main.getByRole('textbox')).toHaveCount(0);
    // The patient downloads the same prescription: the practitioner, the patient, the place.
    const patientDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: patient.s.entry.pdf }).click();
    const patientPdf = testInfo.outputPath('ordonnance-patient.pdf');
    // An English document has an English name.
    expect((await patientDownload).suggestedFilename()).toMatch(/^prescription-\d{4}-\d{2}-\d{2}\.pdf$/);
    await (await patientDownload).saveAs(patientPdf);
    const patientText = execFileSync('pdftotext', ['-layout', patientPdf, '-'], { encoding: 'utf8' });
    for (const expected of [
      DOCTOR,
      'Camille Durand',
      'Amoxicilline 1 g',
      'Issued in Lyon on',
      '(self-declared)',
    ]) {
      expect(patientText).toContain(expected);
    }
    for (const french of ['Done at', 'Fait à', 'ORDONNANCE']) expect(patientText).not.toContain(french);
    expect(await seriousViolations(page)).toEqual([]);
    await record.gotoKind('practitioner-entry');
    await record.main.getByRole('link').filter({ hasText: 'Consultation' }).first().click();
    await expect(page.getByText(`From ${DOCTOR} — signature verified`)).toBeVisible();
    await expect(page.getByText('Urticaire sous pénicilline : à éviter.')).toBeVisible();
    await expect(page.getByRole('button', { name: patient.s.entry.pdf })).toHaveCount(0);

    // The same practitioner can also open a share by its typed code (read aloud by the patient).
    const spoken = await patient.create({ sections: ['allergy'], mode: 'read', typedCode: true });
    expect(spoken.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    await doctor.openByCode(spoken.code ?? '');
    await doctor.open();
    await expect(doctor.section('allergy')).toContainText('Penicillin');
    await expect(doc.getByText(doctor.s.open.readOnly)).toBeVisible();
    await openLink(doc, share.link);
    await doctor.open();
    await expect(doctor.section('allergy')).toContainText('Penicillin');

    // The patient edits the shared allergy: the practitioner sees it after the next sync.
    await record.editFirst('allergy', { reaction: 'Anaphylaxis' });
    await expect(async () => {
      await doc.getByRole('button', { name: doctor.s.open.refresh }).click();
      await expect(doctor.section('allergy')).toContainText('Anaphylaxis', { timeout: 2_000 });
    }).toPass({ timeout: AGENT_TIMEOUT });

    // Revoke: the practitioner is refused at once.
    await patient.revoke(share.id);
    await doc.getByRole('button', { name: doctor.s.open.refresh }).click();
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-revoked']);
    await expect(doctor.section('allergy')).toHaveCount(0);
    await openLink(doc, share.link);
    await doctor.open();
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-revoked']);

    // The log shows the opening and the write, by the practitioner's self-declared name.
    const log = await patient.log(share.id);
    expect(log.some((line) => line.includes(DOCTOR) && line.includes(patient.s.page.action.open))).toBe(true);
    expect(log.some((line) => line.includes(DOCTOR) && line.includes(patient.s.page.action.write))).toBe(
      true,
    );

    // An expired share is refused (the expiry is moved in the server's database).
    const expiring = await patient.create({ sections: ['allergy'], mode: 'read', expiry: '1h' });
    const db = new Database(DB_FILE);
    try {
      expect(
        db.prepare('UPDATE shares SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, expiring.id)
          .changes,
      ).toBe(1);
    } finally {
      db.close();
    }
    await openLink(doc, expiring.link);
    await doctor.open();
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-expired']);

    // A wrong passcode, five times, locks the share, even against the right one afterwards.
    const guarded = await patient.create({ sections: ['allergy'], mode: 'read', passcode: '2468' });
    await openLink(doc, guarded.link);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await doctor.open(`wrong-${attempt}`);
      await expect(doctor.alert).toHaveText(doctor.s.errors['wrong-passcode']);
    }
    await doctor.open('wrong-5');
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-locked']);
    // A locked share asks for no passcode any more; typed afresh from the link, even the right one fails.
    await expect(doc.getByLabel(doctor.s.open.passcode)).toHaveCount(0);
    await openLink(doc, guarded.link);
    await doctor.open('2468');
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-locked']);
    await patient.gotoShares();
    await expect(patient.item(guarded.id).locator('.share-state')).toHaveText(patient.s.page.state.locked, {
      timeout: 15_000,
    });
    await expect(patient.item(expiring.id).locator('.share-state')).toHaveText(patient.s.page.state.expired);

    // The practitioner's home lists the shares they opened, with their state.
    const received = await doctor.receivedShares();
    expect(received.filter((line) => line.includes(doctor.s.page.state.revoked))).toHaveLength(1);
    expect(received.filter((line) => line.includes(doctor.s.page.state.active))).toHaveLength(1);
    expect(await seriousViolations(doc)).toEqual([]);

    // Both screens in French, still accessible.
    for (const screen of [doc, page]) {
      await screen.getByRole('button', { name: 'Français' }).click();
      await expect(screen.locator('html')).toHaveAttribute('lang', 'fr');
    }
    await expect(doc.getByRole('heading', { level: 1, name: sharesFr.practitioner.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: sharesFr.page.title })).toBeVisible();
    await expect(patient.item(guarded.id).locator('.share-state')).toHaveText(sharesFr.page.state.locked);
    expect(await seriousViolations(doc)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await doctorContext.close();
  }
});
