/**
 * Vaccination suggestions set aside (issue 19, reminders): a profile aged 66 gets the French
 * schedule's milestones for its age; one is set aside by keyboard, stays aside after a reload and an
 * unlock (sealed reminder state on this device), and comes back on request. EN and FR at 390 px, axe.
 */
import { expect, test } from '@playwright/test';
import { remindersEn } from '../web/src/features/reminders/strings-en.ts';
import { remindersFr } from '../web/src/features/reminders/strings-fr.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PASS = 'orchard-glacier-thimble-2049';
const r = remindersEn;

test('a vaccination suggestion is set aside, kept aside after a reload, and shown again', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASS);
  await new ProfilesPage(page).createFirst({ name: 'Jeanne Morel', dateOfBirth: '1960-01-01' });
  await page.setViewportSize({ width: 390, height: 844 });
  await followMainLink(page, r.nav);
  const region = page.getByRole('region', { name: r.vaccines.title });
  const flu = r.vaccines.milestones.influenza;
  await expect(region.getByRole('listitem').filter({ hasText: flu })).toBeVisible();
  const before = await region.getByRole('listitem').count();

  const aside = region.getByRole('button', { name: r.vaccines.dismissLabel.replace('{{ name }}', flu) });
  await aside.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText(
    r.vaccines.dismissedOne.replace('{{ name }}', flu),
  );
  await expect(region.getByRole('listitem').filter({ hasText: flu })).toHaveCount(0);
  await expect(region.getByRole('listitem')).toHaveCount(before - 1);
  await expect(region).toContainText(r.vaccines.dismissed.replace('{{ count }}', '1'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('reminders-aside-en-390.png'), fullPage: true });

  // A reload locks the vault; after unlocking, the suggestion is still aside (sealed on the device).
  await page.reload();
  await vault.unlock(PASS);
  await followMainLink(page, r.nav);
  await expect(region.getByRole('listitem')).toHaveCount(before - 1);
  await chooseLanguage(page, 'Français');
  const regionFr = page.getByRole('region', { name: remindersFr.vaccines.title });
  await expect(regionFr).toContainText(remindersFr.vaccines.dismissed.replace('{{ count }}', '1'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('reminders-aside-fr-390.png'), fullPage: true });
  await regionFr.getByRole('button', { name: remindersFr.vaccines.showAgain }).click();
  await expect(
    regionFr.getByRole('listitem').filter({ hasText: remindersFr.vaccines.milestones.influenza }),
  ).toBeVisible();
  await expect(regionFr.getByRole('listitem')).toHaveCount(before);
  await chooseLanguage(page, 'English');
});
