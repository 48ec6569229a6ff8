/**
 * More of what a new user tripped over (issue 14): the recovery key check that could be skipped for
 * good and the key that could never be replaced (item 1); in-app navigation that reloaded the page
 * and locked the vault (item 8). Screenshots at 390 px in English and French land in the test's
 * output folder (artifacts, never committed).
 */
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { type vaultEn, vaultFr } from '../web/src/features/vault/strings.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const KDF_TIMEOUT = 30_000;

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

const keyList = (page: Page, s: typeof vaultEn) =>
  page.getByRole('list', { name: s.recoveryKey.keyLabel }).getByRole('listitem');

/** Types back the groups the confirmation asks for, by keyboard, and submits with Enter. */
async function typeBackGroups(page: Page, vault: VaultPage, groups: readonly string[]): Promise<void> {
  let last: ReturnType<VaultPage['groupField']> | undefined;
  for (const [index, group] of groups.entries()) {
    const field = vault.groupField(index + 1);
    if ((await field.count()) === 0) continue;
    await field.focus();
    await page.keyboard.type(group);
    last = field;
  }
  expect(last).toBeDefined();
  await page.keyboard.press('Enter');
}

test('the recovery key is asked for until checked, and Settings makes a new one that replaces the old', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const vault = new VaultPage(page);
  const s = vault.strings;

  // Step 2 shows the key; the person leaves through the menu instead of confirming it.
  await vault.gotoHome();
  await vault.submitPassphrase(PASSPHRASE);
  await expect(page.getByRole('heading', { level: 2, name: s.recoveryKey.title })).toBeVisible({
    timeout: KDF_TIMEOUT,
  });
  const firstGroups = (await keyList(page, s).allTextContents()).map((g) => g.trim());
  expect(firstGroups).toHaveLength(14);
  await followMainLink(page, /^Profiles$/);

  // A banner on every screen says so, with a way to check it.
  const banner = page.getByRole('complementary', { name: s.recoveryKey.keyLabel });
  await expect(banner).toContainText(s.recoveryCheck.banner);
  await shoot(page, info, 'recovery-banner-en-390');
  await expectAxeClean(page);

  // On the next unlock the check comes back, with the same key.
  await vault.lock();
  await vault.unlock(PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: s.recoveryCheck.title })).toBeVisible();
  expect((await keyList(page, s).allTextContents()).map((g) => g.trim())).toEqual(firstGroups);
  await shoot(page, info, 'recovery-check-en-390');
  await expectAxeClean(page);
  // "Later" puts it off; the banner stays.
  await page.getByRole('button', { name: s.recoveryCheck.later }).click();
  await expect(banner).toBeVisible();

  // The banner's link: the key again, then two groups typed back by keyboard.
  await banner.getByRole('link', { name: s.recoveryCheck.bannerLink }).click();
  await page.getByRole('button', { name: s.recoveryKey.continue }).click();
  await expect(page.getByRole('heading', { level: 2, name: s.confirmKey.title })).toBeFocused();
  await typeBackGroups(page, vault, firstGroups);
  await expect(page.getByRole('status').filter({ hasText: s.recoveryCheck.done })).toBeVisible();
  await expect(banner).toBeHidden();

  // Settings says when it was made and that it was checked; in French too.
  await chooseLanguage(page, 'Français');
  const fr = vaultFr;
  await followMainLink(page, /^Réglages$/);
  const section = page.getByRole('region', { name: fr.newKey.settingsTitle });
  await expect(section).toContainText(fr.newKey.checked);
  await expect(section).toContainText(/Clé de récupération actuelle créée le \d{1,2} \S+ \d{4}\./);
  await section.getByRole('link', { name: fr.newKey.link }).click();
  await expect(page.getByRole('heading', { level: 2, name: fr.newKey.title })).toBeVisible();
  await shoot(page, info, 'recovery-new-fr-390');
  await expectAxeClean(page);

  // A wrong passphrase is refused; the right one makes a new key.
  const passphraseField = page.getByLabel(fr.passphrase.currentLabel, { exact: true });
  await passphraseField.fill('not the passphrase');
  await passphraseField.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible({ timeout: KDF_TIMEOUT });
  await expect(passphraseField).toHaveAttribute('aria-invalid', 'true');
  await passphraseField.fill(PASSPHRASE);
  await passphraseField.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: fr.recoveryKey.title })).toBeVisible({
    timeout: KDF_TIMEOUT,
  });
  const secondGroups = (await keyList(page, fr).allTextContents()).map((g) => g.trim());
  expect(secondGroups).toHaveLength(14);
  expect(secondGroups).not.toEqual(firstGroups);
  await shoot(page, info, 'recovery-new-key-fr-390');
  await expectAxeClean(page);
  await page.getByRole('button', { name: fr.recoveryKey.continue }).click();
  const frVault = new VaultPage(page, 'fr');
  await typeBackGroups(page, frVault, secondGroups);
  await expect(page.getByRole('status').filter({ hasText: fr.recoveryCheck.done })).toBeVisible();
  await chooseLanguage(page, 'English');

  // The old key opens nothing any more; the new one does.
  await vault.lock();
  await vault.submitRecovery(firstGroups.join('-'), 'a brand new passphrase 7261');
  await expect(page.getByText(s.recover.otherVault)).toBeVisible({ timeout: KDF_TIMEOUT });
  await vault.recover(secondGroups.join('-'), 'a brand new passphrase 7261');
  await expect(banner).toBeHidden();
});
