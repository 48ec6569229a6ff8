/**
 * The practitioner's view of a shared profile keeps time (issue 14 item 3): the patient's weights and
 * a lab result reach the practitioner with their dates, newest first, the weights charted and tabled
 * like on the patient's own Measurements page, and nothing in it links to the patient's forms.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { recordEn, recordFr } from '../web/src/features/record/strings.ts';
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

const WEIGHTS = [
  { value: 71, at: '2026-09-01T08:00', shown: '71 kg' },
  { value: 72.4, at: '2026-10-01T08:00', shown: '72.4 kg' },
  { value: 70.6, at: '2026-11-01T08:00', shown: '70.6 kg' },
];

async function addWeight(record: RecordPage, weight: (typeof WEIGHTS)[number]): Promise<void> {
  await record.add('measurement', {
    [recordEn.fields.measurementType]: 'weight',
    [recordEn.measurementTypes.weight]: weight.value,
    [recordEn.fields.measuredAt]: weight.at,
  });
}

async function screenshot(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path, fullPage: true });
}

test('a practitioner sees shared measurements and lab results dated, newest first, and charted', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const tag = randomBytes(4).toString('hex');

  // Patient: three weights on three dates (typed out of order) and a lab result, shared read-only.
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  const record = new RecordPage(page);
  for (const index of [1, 0, 2]) await addWeight(record, WEIGHTS[index] as (typeof WEIGHTS)[number]);
  await record.add('lab-result', {
    [recordEn.fields.testName]: 'HbA1c',
    [recordEn.fields.labValue]: '5.6',
    [recordEn.fields.labUnit]: '%',
    [recordEn.fields.labDate]: '2026-10-15',
  });
  await record.add('lab-result', {
    [recordEn.fields.testName]: 'Ferritin',
    [recordEn.fields.labValue]: '80',
    [recordEn.fields.labUnit]: 'ug/L',
    [recordEn.fields.labDate]: '2026-11-20',
  });
  const sync = new SyncPage(page);
  await sync.turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await sync.expectSynced();
  const share = await new SharePage(page).create({ sections: ['measurement', 'lab-result'], mode: 'read' });

  const doctorContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const doc = await doctorContext.newPage();
    const { vault: doctorVault, doctor } = await newPractitioner(
      doc,
      `doctor-${tag}@example.org`,
      DOCTOR_PASS,
      {
        name: 'Dr Alice Martin',
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
    await expect(doc.getByText('Patient: Camille Durand')).toBeVisible();

    // Weights: a chart of the three readings, then the table, newest first, every row dated.
    const weights = doctor.section('measurement');
    const chart = weights.getByRole('img', { name: /Chart of Weight/ });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /3/);
    await expect(chart.locator('canvas')).toHaveCount(1);
    const rows = weights.getByRole('table', { name: `${recordEn.measurementTypes.weight}: every reading` });
    const body = rows.locator('tbody tr');
    await expect(body).toHaveCount(3);
    const newestFirst = [...WEIGHTS].reverse();
    for (const [i, weight] of newestFirst.entries()) {
      const row = body.nth(i);
      await expect(row).toContainText(weight.shown);
      await expect(row.locator('time')).toHaveAttribute('datetime', new RegExp(`^${weight.at}`));
    }

    // Lab results: newest first, each with its date.
    await expect(doctor.section('lab-result')).toBeVisible();
    // Found by its data attribute too, so the French run below finds it under its French name.
    const labs = doctor.main.locator('[data-section="lab-result"]').getByRole('listitem');
    await expect(labs).toHaveCount(2);
    await expect(labs.nth(0)).toContainText('Ferritin');
    await expect(labs.nth(0).locator('time')).toHaveAttribute('datetime', '2026-11-20');
    await expect(labs.nth(0).locator('time')).toHaveText('Nov 20, 2026');
    await expect(labs.nth(1)).toContainText('HbA1c');
    await expect(labs.nth(1).locator('time')).toHaveAttribute('datetime', '2026-10-15');

    // The patient's forms are not the practitioner's: no link to edit anything.
    await expect(
      doctor.main.getByRole('link', { name: new RegExp(`^${recordEn.actions.edit}`) }),
    ).toHaveCount(0);
    expect(await seriousViolations(doc)).toEqual([]);

    // What was shared, taken away: the FHIR summary (.json) for the clinician's system, and a PDF.
    const jsonDownload = doc.waitForEvent('download');
    await doc.getByRole('button', { name: 'Download as FHIR summary (.json)', exact: true }).click();
    const jsonPath = testInfo.outputPath('shared-summary.json');
    await (await jsonDownload).saveAs(jsonPath);
    const bundle = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(bundle.type).toBe('document');
    const observations = bundle.entry
      .map((e: { resource: { resourceType: string; code?: { text?: string } } }) => e.resource)
      .filter((r: { resourceType: string }) => r.resourceType === 'Observation');
    expect(observations).toHaveLength(5);
    const pdfDownload = doc.waitForEvent('download');
    await doc.getByRole('button', { name: 'Download as PDF', exact: true }).click();
    const pdfPath = testInfo.outputPath('shared-summary.pdf');
    await (await pdfDownload).saveAs(pdfPath);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const line of [
      'Patient summary',
      'Camille Durand',
      'Results',
      'Vital signs',
      'Ferritin',
      '72.4 kg',
    ]) {
      expect(pdfText, line).toContain(line);
    }

    await screenshot(doc, testInfo.outputPath('practitioner-view-390-en.png'));
    await chooseLanguage(doc, 'Français');
    await expect(doc.getByRole('heading', { name: recordFr.measurementTypes.weight })).toBeVisible();
    await expect(labs.nth(0).locator('time')).toHaveText('20 nov. 2026');
    expect(await seriousViolations(doc)).toEqual([]);
    await screenshot(doc, testInfo.outputPath('practitioner-view-390-fr.png'));
  } finally {
    await doctorContext.close();
  }
});
