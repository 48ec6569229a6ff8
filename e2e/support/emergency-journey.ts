/** Shared steps of the emergency journeys: a record with critical items, and the profile built from it. */
import { expect, type Page } from '@playwright/test';
import { recordEn } from '../../web/src/features/record/strings.ts';
import { EmergencyPage } from '../pages/emergency-page.ts';
import { ProfilesPage } from '../pages/profiles-page.ts';
import { RecordPage } from '../pages/record-page.ts';
import { VaultPage } from '../pages/vault-page.ts';

export const PASSPHRASE = 'orchard-glacier-thimble-2049';

/** First visit: the service worker installs and takes control (so the app and /e work offline). */
export async function installApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** A vault with one profile and the critical record items a responder needs. */
export async function fillRecord(page: Page): Promise<void> {
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

export async function buildProfile(page: Page, accessLog = false): Promise<EmergencyPage> {
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

export const CRITICAL = [
  'DNR: do not resuscitate',
  'Type 1 diabetes',
  'Penicillin: Anaphylaxis',
  'Warfarin 5 mg, every evening',
];

export async function expectResponderPage(page: Page): Promise<void> {
  for (const text of CRITICAL) await expect(page.getByText(text, { exact: true })).toBeVisible();
  await expect(page.getByText('Camille Martin', { exact: true })).toBeVisible();
  await expect(page.getByText(/Patient speaks: English/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Call Alex Martin/ })).toHaveAttribute(
    'href',
    'tel:+33612345678',
  );
}
