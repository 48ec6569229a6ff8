import { expect, type Page, test } from '@playwright/test';
import { recordEn, recordFr } from '../web/src/features/record/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { externalRequests, watchPage } from './support/page-watch.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect.soft(violations.map((v) => `${where}: ${v.id} ${v.help} — ${v.targets.join(', ')}`)).toEqual([]);
}

test('every kind of entry: add, find, search, edit, delete, refuse bad values in two languages, chart', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const watch = await watchPage(page);
  const vault = new VaultPage(page);
  const records = new RecordPage(page);
  const { fields } = recordEn;

  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });

  // One entry of every kind the patient writes, through the form.
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
  await records.addBloodPressure({ systolic: 135, diastolic: 85, at: '2026-03-15T08:30' });
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
  await records.add('administrative', {
    [fields.bloodType]: 'O+',
    [fields.gpName]: 'Dr Claire Dubois',
    [fields.addressText]: '12 rue des Lilas\n69003 Lyon',
  });
  await records.add('emergency-contact', {
    [fields.contactName]: 'Marie Durand',
    [fields.relationship]: 'Mère',
    [fields.phone]: '+33 6 12 34 56 78',
  });
  await records.addNote('Questions pour la cardiologue', 'Essoufflement à l’effort ?');

  // Each one is on the timeline, with its kind.
  await records.gotoTimeline();
  for (const text of [
    'Pénicilline — Severe — Urticaire',
    'Asthme',
    'Amoxicilline — 1 g — 3 fois par jour',
    'Revaxis',
    'Hémoglobine — 13.8 g/dL — Normal',
    '128/82 mmHg',
    '72.5 kg',
    'Former smoker',
    'blood type O+',
    'Marie Durand',
    'Questions pour la cardiologue',
  ]) {
    await records.expectInTimeline(text);
  }
  await expect(page.getByRole('heading', { level: 2, name: 'March 2026' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: recordEn.timeline.undated })).toBeVisible();
  await expectNoSeriousViolations(page, 'timeline');

  // Search: case and accents do not matter.
  await records.search('penicilline');
  const count = records.main.getByRole('status');
  await expect(count).toHaveText('1 entry found');
  await records.expectInTimeline('Pénicilline');
  await expect(records.main.getByText('Amoxicilline')).toHaveCount(0);
  await records.search('HEMOGLOBINE');
  await records.expectInTimeline('Hémoglobine');
  await records.search('rhubarbe');
  await expect(count).toHaveText('Nothing matches “rhubarbe”.');

  // Edit one: the list shows the change.
  await records.editFirst('allergy', { severity: 'moderate', reaction: 'Urticaire\nŒdème' });
  await records.expectInTimeline('Pénicilline — Moderate — Urticaire, Œdème');

  // Delete one, by keyboard: Escape keeps it, the confirmation removes it.
  await records.openFirst('note');
  const deleteButton = records.main.getByRole('button', { name: recordEn.editor.delete, exact: true });
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: recordEn.editor.confirmTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: recordEn.editor.confirmNo })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: recordEn.editor.confirmYes })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: recordEn.kindPage.deleted })).toBeVisible();
  await records.gotoTimeline();
  await expect(records.main.getByText('Questions pour la cardiologue')).toHaveCount(0);

  // An impossible SpO₂ is refused, next to its field, in English and then in French.
  await records.openNew('measurement');
  await records.fill({
    [fields.measurementType]: 'spo2',
    [recordEn.measurementTypes.spo2]: '140',
  });
  await records.main.getByRole('button', { name: recordEn.editor.save }).click();
  const spo2 = records.field(recordEn.measurementTypes.spo2);
  const summary = page.getByRole('alert').filter({ hasText: recordEn.editor.errorTitle });
  await expect(summary).toBeFocused();
  await expect(spo2).toHaveAttribute('aria-invalid', 'true');
  await expect(spo2).toHaveAccessibleDescription(/Oxygen saturation \(SpO₂\) must be between 0 and 100 %\./);
  await expect(summary).toContainText('Oxygen saturation (SpO₂) must be between 0 and 100 %.');
  await expectNoSeriousViolations(page, 'editor with errors (en)');

  await page.getByRole('button', { name: 'Français', exact: true }).click();
  const champ = page.getByLabel(recordFr.measurementTypes.spo2, { exact: true });
  await expect(champ).toHaveAccessibleDescription(
    /Saturation en oxygène \(SpO₂\) : saisissez une valeur entre 0 et 100 %\./,
  );
  await expect(page.getByRole('alert')).toContainText(recordFr.editor.errorTitle);
  await expectNoSeriousViolations(page, 'editor with errors (fr)');
  // Corrected, it is accepted.
  await champ.fill('97');
  await page.getByRole('button', { name: recordFr.editor.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: recordFr.kindTitles.measurement })).toBeVisible();
  await page.getByRole('button', { name: 'English', exact: true }).click();

  // Measurements: a chart and a table for blood pressure (and for each other type with data).
  await records.gotoMeasurements();
  const pressure = page.getByRole('region', { name: recordEn.measurementTypes['blood-pressure'] });
  await expect(
    pressure.getByRole('img', { name: /Chart of Blood pressure, 2 readings, in mmHg/ }),
  ).toBeVisible();
  await expect(pressure.locator('canvas')).toHaveCount(1);
  const table = pressure.getByRole('table', { name: 'Blood pressure: every reading' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('135 mmHg');
  await expect(table.getByRole('row').nth(2)).toContainText('128 mmHg');
  await expect(table.getByRole('row').nth(2)).toContainText('Mar 14, 2026');
  await expect(page.getByRole('table', { name: 'Weight: every reading' })).toContainText('72.5 kg');
  await expect(page.getByRole('table', { name: 'Oxygen saturation (SpO₂): every reading' })).toContainText(
    '97 %',
  );
  await expectNoSeriousViolations(page, 'measurements');

  expect.soft(watch.errors, 'console errors').toEqual([]);
  expect.soft(watch.cspViolations, 'CSP violations').toEqual([]);
  expect.soft(externalRequests(watch), 'requests off 127.0.0.1').toEqual([]);
});
