import { expect, test } from '@playwright/test';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { watchPage } from './support/page-watch.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const NEW_PASSPHRASE = 'lantern-meadow-copper-7731';
const AFTER_RECOVERY = 'harbour-violet-pepper-5820';

test('the whole vault life cycle keeps the record', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  const records = new RecordPage(page);

  await vault.gotoHome();
  const recoveryKey = await vault.createVault(PASSPHRASE);
  await profiles.createFirst({ name: 'Camille Martin' });
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Hives' });
  await records.addMedication({
    name: 'Amoxicillin',
    dose: '1 g',
    frequency: 'three times a day',
    start: '2026-11-01',
  });
  await records.addBloodPressure({ systolic: 128, diastolic: 82, at: '2026-11-20T08:30' });

  const expectRecord = async () => {
    await records.gotoTimeline();
    await records.expectInTimeline('Penicillin');
    await records.expectInTimeline('Amoxicillin');
    await records.expectInTimeline('128');
  };
  await expectRecord();

  // Reload: the session was in memory only, so the vault is locked.
  await page.reload();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await vault.unlock('orchard-glacier-thimble-2048');
  await vault.expectUnlockError();
  await vault.unlock(PASSPHRASE);
  await expectRecord();

  // Change the passphrase: the old one stops working, the new one opens the same record.
  await vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
  await vault.lock();
  await vault.unlock(PASSPHRASE);
  await vault.expectUnlockError();
  await vault.unlock(NEW_PASSPHRASE);
  await expectRecord();

  // Recover with the recovery key (and set a new passphrase on the way).
  await vault.lock();
  await vault.recover(recoveryKey, AFTER_RECOVERY);
  await expectRecord();
  await vault.lock();
  await vault.unlock(AFTER_RECOVERY);
  await expectRecord();

  expect(watch.cspViolations).toEqual([]);
});
