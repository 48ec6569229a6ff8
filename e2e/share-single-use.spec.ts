/**
 * A single-use share (issue 19 item 5): the practitioner's first opening shows the record once and
 * closes the share; opening the link again is refused as already used; the patient's list says when.
 */
import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { newPractitioner } from './pages/practitioner-device.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';

async function openLink(page: Page, link: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(link);
  const vault = new VaultPage(page);
  await vault.unlock(DOCTOR_PASS);
  await vault.expectUnlocked();
}

test('a single-use share opens once, then is closed for good', async ({ browser, page }, testInfo) => {
  test.setTimeout(480_000);
  const tag = randomBytes(4).toString('hex');
  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  await new RecordPage(page).addAllergy({ substance: 'Penicillin', severity: 'moderate', reaction: 'Hives' });
  const sync = new SyncPage(page);
  await sync.turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await sync.expectSynced();
  const patient = new SharePage(page);
  const share = await patient.create({ sections: ['allergy'], mode: 'read', singleUse: true });
  await expect(patient.item(share.id)).toContainText(patient.s.page.singleUseWaiting);
  expect(await seriousViolations(page)).toEqual([]);

  const doctorContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const doc = await doctorContext.newPage();
    const { doctor } = await newPractitioner(doc, `doctor-${tag}@example.org`, DOCTOR_PASS, {
      name: 'Dr Alice Martin',
      profession: 'GP',
      professionalId: '10001234567',
      city: 'Lyon',
    });

    await openLink(doc, share.link);
    await doctor.open();
    await expect(doctor.section('allergy')).toContainText('Penicillin');
    await expect(doc.getByText(doctor.s.open.singleUse)).toBeVisible();
    // Not a diagnosis, on the practitioner's view.
    await expect(doc.getByText(/This is not a diagnosis/)).toBeVisible();
    expect(await seriousViolations(doc)).toEqual([]);
    await doc.screenshot({ path: testInfo.outputPath('single-use-opened.png'), fullPage: true });

    // The same link again: refused, nothing shown, no passcode asked.
    await openLink(doc, share.link);
    await expect(doctor.alert).toHaveText(doctor.s.errors['share-used']);
    await expect(doctor.section('allergy')).toHaveCount(0);

    // The patient's list: opened, now closed.
    await patient.gotoShares();
    await expect(patient.item(share.id).locator('.share-state')).toHaveText(patient.s.page.state.revoked, {
      timeout: 20_000,
    });
    await expect(patient.item(share.id)).toContainText('Single use: opened');
  } finally {
    await doctorContext.close();
  }
});
