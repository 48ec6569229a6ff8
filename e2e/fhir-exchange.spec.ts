import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { IMPORT_ERROR_TEXT } from '../shared/fhir/import-errors.ts';
import { exchangeEn } from '../web/src/features/exchange/strings.ts';
import { recordEn } from '../web/src/features/record/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PASSPHRASE = 'harbour-violet-compass-5521';

/** Through Settings: a page load would lock the vault. */
async function gotoExchange(page: Page): Promise<void> {
  await followMainLink(page, /^(settings|réglages)$/i);
  await page
    .getByRole('link', { name: /^(Export or import a health summary|Exporter ou importer une synthèse)$/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^(Health summary|Synthèse médicale) \(FHIR\)$/ }),
  ).toBeVisible();
}

/** The titles of the timeline's entries, sorted: what the person sees of the record. */
async function timelineTitles(page: Page): Promise<string[]> {
  await new RecordPage(page).gotoTimeline();
  const titles = await page.getByRole('main').locator('.record-item__title').allInnerTexts();
  return titles.map((t) => t.trim()).sort();
}

async function chooseAndCheck(page: Page, path: string): Promise<void> {
  await page.getByLabel(exchangeEn.import.file).setInputFiles(path);
  await page.getByRole('button', { name: exchangeEn.import.check, exact: true }).click();
}

test('a profile out as a FHIR IPS and back into another profile: same timeline, undo, bad files refused', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const vault = new VaultPage(page);
  const records = new RecordPage(page);
  const profiles = new ProfilesPage(page);
  const { fields } = recordEn;
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await profiles.createFirst({ name: 'Camille Martin' });

  await records.addAllergy({ substance: 'Pénicilline', severity: 'severe', reaction: 'Urticaire' });
  await records.add('condition', { [fields.conditionName]: 'Asthme', [fields.onsetDate]: '2015-09-01' });
  await records.addMedication({
    name: 'Amoxicilline',
    dose: '1 g',
    frequency: '3 fois par jour',
    start: '2026-03-10',
  });
  await records.add('vaccination', {
    [fields.vaccine]: 'Revaxis',
    [fields.vaccinationDate]: '2024-05-02',
    [fields.doseNumber]: '2',
  });
  await records.add('lab-result', {
    [fields.testName]: 'Hémoglobine',
    [fields.labValue]: '13,8',
    [fields.labUnit]: 'g/dL',
    [fields.labDate]: '2026-01-20',
    [fields.interpretation]: 'normal',
  });
  await records.addBloodPressure({ systolic: 128, diastolic: 82, at: '2026-03-14T08:15' });
  await records.add('measurement', {
    [fields.measurementType]: 'weight',
    [recordEn.measurementTypes.weight]: '72,5',
    [fields.measuredAt]: '2026-03-15T07:45',
  });
  await records.add('lifestyle', {
    [fields.recordedOn]: '2026-02-01',
    [fields.smokingStatus]: 'former',
    [fields.activityMinutesPerWeek]: '150',
  });
  await records.add('procedure', {
    [fields.procedureName]: 'Appendicectomie',
    [fields.procedureDate]: '2009-06-12',
    [fields.procedureStatus]: 'completed',
  });
  await records.add('family-history', {
    [fields.familyRelationship]: 'mother',
    [fields.familyCondition]: 'Diabète de type 2',
  });
  await records.addNote('Questions pour la cardiologue', 'Essoufflement à l’effort ?');
  const before = await timelineTitles(page);
  expect(before.length).toBeGreaterThanOrEqual(11);

  // Export: every section, a .json the browser downloads.
  await gotoExchange(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: exchangeEn.export.submit, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^carnet-summary-camille-martin-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = testInfo.outputPath('summary.json');
  await download.saveAs(exported);
  const bundle = JSON.parse(readFileSync(exported, 'utf8'));
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('document');
  expect(bundle.entry[0].resource.resourceType).toBe('Composition');
  const types = new Set(
    bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
  );
  for (const t of [
    'Patient',
    'AllergyIntolerance',
    'Condition',
    'MedicationStatement',
    'Immunization',
    'Observation',
    'Procedure',
    'FamilyMemberHistory',
  ]) {
    expect(types, t).toContain(t);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Summary saved as' })).toBeVisible();

  // The same summary as a PDF to print: every section heading, a medication with its dose.
  const pdfDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: exchangeEn.export.pdf, exact: true }).click();
  const pdfDownload = await pdfDownloading;
  expect(pdfDownload.suggestedFilename()).toMatch(/^carnet-summary-camille-martin-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = testInfo.outputPath('summary.pdf');
  await pdfDownload.saveAs(pdfPath);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const heading of [
    'Patient summary',
    'Camille Martin',
    'Problem list',
    'Allergies and intolerances',
    'Medication summary',
    'Immunizations',
    'Results',
    'History of procedures',
    'Vital signs',
    'Social history',
    'Family history',
    'Patient’s notes',
  ]) {
    expect(pdfText, heading).toContain(heading);
  }
  expect(pdfText).toMatch(/Amoxicilline.*1 g/);
  expect(pdfText).toMatch(/page 1 of \d+/);

  // Into a new, empty profile: the preview first, then one step.
  await profiles.goto();
  await profiles.add({ name: 'Alex Import', relationship: 'other' });
  await profiles.switchTo('Alex Import');
  await gotoExchange(page);
  await expect(page.getByText('Profile: Alex Import.')).toBeVisible();
  await chooseAndCheck(page, exported);
  const preview = page.getByRole('heading', { name: exchangeEn.import.preview });
  await expect(preview).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText(/^\d+ entries to add$/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('exchange-preview-en.png'), fullPage: true });
  await page.getByRole('button', { name: /^Import \d+ entries into Alex Import’s record$/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Imported \d+ entries and 0 files\.$/ }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });

  // Undo, on the spot: the profile is empty again.
  await page.getByRole('button', { name: exchangeEn.import.undo, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: exchangeEn.import.undone })).toBeVisible();
  expect(await timelineTitles(page)).toEqual([]);

  // Again, for good: the same timeline as the profile it came from.
  await gotoExchange(page);
  await chooseAndCheck(page, exported);
  await page
    .getByRole('button', { name: /^Import \d+ entries into Alex Import’s record$/ })
    .click({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Imported \d+ entries/ })).toBeVisible();
  expect(await timelineTitles(page)).toEqual(before);

  // The same file once more adds nothing.
  await gotoExchange(page);
  await chooseAndCheck(page, exported);
  await expect(page.getByText(exchangeEn.import.nothing)).toBeVisible({ timeout: 30_000 });

  // Bad files: each its message, and the record unchanged.
  const bad: [string, string | Buffer, keyof typeof IMPORT_ERROR_TEXT][] = [
    ['broken.json', '{"resourceType": "Bundle", "type": "document", "entry": [', 'malformed-json'],
    ['other.json', '{"name": "not FHIR"}', 'not-fhir'],
    ['patient.json', '{"resourceType": "Patient", "id": "p"}', 'not-a-bundle'],
    [
      'unknown.json',
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'Condition', subject: { reference: 'Patient/1' }, mood: 'x' } }],
      }),
      'unknown-fields',
    ],
    ['huge.json', Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), 'too-large'],
  ];
  for (const [name, content, reason] of bad) {
    const path = testInfo.outputPath(name);
    writeFileSync(path, content);
    await chooseAndCheck(page, path);
    await expect(page.getByRole('alert').filter({ hasText: IMPORT_ERROR_TEXT[reason].en })).toBeVisible({
      timeout: 30_000,
    });
  }
  expect(await timelineTitles(page)).toEqual(before);

  // In French, at phone width, by keyboard: the same refusal in the reader's language.
  await gotoExchange(page);
  await chooseLanguage(page, 'Français');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Fichier FHIR (.json)').setInputFiles(testInfo.outputPath('unknown.json'));
  await page.getByRole('button', { name: 'Vérifier le fichier', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: IMPORT_ERROR_TEXT['unknown-fields'].fr }),
  ).toBeVisible({
    timeout: 30_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('exchange-refused-fr.png'), fullPage: true });
  await chooseLanguage(page, 'English');
});
