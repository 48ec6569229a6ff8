import { expect, test } from '@playwright/test';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';

test('after one visit, everything works and persists with no network', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  // The service worker installs on the first visit and precaches the app.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  const records = new RecordPage(page);

  await vault.createVault(PASSPHRASE);
  await profiles.createFirst({ name: 'Camille Martin' });
  await records.addAllergy({ substance: 'Penicillin', severity: 'moderate', reaction: 'Hives' });
  await records.addNote('Hors ligne', 'Écrit sans réseau');
  await records.editFirst('allergy', { reaction: 'Hives and swelling' });

  await page.reload();
  await vault.unlock(PASSPHRASE);
  await records.gotoTimeline();
  await records.expectInTimeline('Penicillin');
  await records.expectInTimeline('Hors ligne');
  await records.expectInTimeline('Hives and swelling');

  // Still no network, and a second reload: nothing lost.
  await page.reload();
  await vault.unlock(PASSPHRASE);
  await records.gotoTimeline();
  await records.expectInTimeline('Hives and swelling');
  await context.setOffline(false);
});
