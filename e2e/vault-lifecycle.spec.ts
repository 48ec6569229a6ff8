import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { externalRequests, watchPage } from './support/page-watch.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const AFTER_RECOVERY = 'harbour-violet-pepper-5820';
const FIRST_PROFILE = 'Create your first profile';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Screenshots for a human to look at, only when asked for (E2E_SCREENSHOTS=1). */
async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect.soft(violations, `axe on ${where}`).toEqual([]);
}

/** The same key with one character replaced by another valid one: only the checksum can tell. */
function withTypo(recoveryKey: string, position: number): string {
  const compact = recoveryKey.replace(/-/g, '');
  const original = compact[position - 1] ?? '0';
  const replacement = CROCKFORD[(CROCKFORD.indexOf(original) + 7) % CROCKFORD.length] ?? '0';
  return compact.slice(0, position - 1) + replacement + compact.slice(position);
}

test('create, lock, unlock, reload, recover: the whole vault life cycle', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  const vault = new VaultPage(page);

  await vault.gotoHome();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Carnet' })).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome');

  const recoveryKey = await vault.createVault(PASSPHRASE, async (step) => {
    await expectNoSeriousViolations(page, `create (${step})`);
    await snap(page, testInfo, `en-create-${step}`);
  });
  expect(recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
  // Unlocked, on `/`: the first-profile form is next.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: FIRST_PROFILE })).toBeVisible();

  // Lock, then a wrong passphrase, typed and submitted with the keyboard only.
  await vault.lock();
  await expectNoSeriousViolations(page, 'unlock');
  await expect(vault.unlockField).toBeFocused();
  await page.keyboard.type('orchard-glacier-thimble-2048');
  await page.keyboard.press('Enter');
  await vault.expectUnlockError();
  await expect(vault.alert).toHaveText('Wrong passphrase. Check it and try again.');
  await expectNoSeriousViolations(page, 'unlock with an error');
  await snap(page, testInfo, 'en-unlock-error');

  await vault.unlock(PASSPHRASE);
  await vault.expectUnlocked();
  await expect(page.getByRole('heading', { name: FIRST_PROFILE })).toBeVisible();

  // A reload drops the in-memory session: locked again.
  await page.reload();
  await expect(vault.unlockHeading).toBeVisible();
  await vault.unlock(PASSPHRASE);
  await vault.expectUnlocked();

  // Forgot the passphrase: the recovery key opens the vault and sets a new one.
  await vault.lock();
  await vault.openRecover();
  await expectNoSeriousViolations(page, 'recover');
  await snap(page, testInfo, 'en-recover');
  await vault.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), AFTER_RECOVERY);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: FIRST_PROFILE })).toBeVisible();

  await vault.lock();
  await vault.unlock(PASSPHRASE);
  await vault.expectUnlockError();
  await vault.unlock(AFTER_RECOVERY);
  await vault.expectUnlocked();

  // CSP violations are checked by the smoke and vault specs on these same screens.
  expect.soft(watch.errors, 'console errors').toEqual([]);
  expect.soft(externalRequests(watch), 'requests off 127.0.0.1').toEqual([]);
});

test('a weak or short passphrase is refused at creation, with the reason tied to the field', async ({
  page,
}) => {
  const vault = new VaultPage(page);
  await vault.gotoHome();
  const form = vault.createForm;

  await vault.submitPassphrase('password1234');
  await expect(form.passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(form.passphrase).toBeFocused();
  const tooWeak = page.getByText(vault.strings.rules.tooWeak);
  await expect(tooWeak).toBeVisible();
  const describedBy = (await form.passphrase.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await tooWeak.getAttribute('id'));
  // The meter says why, in words.
  await expect(page.getByText('Strength: weak', { exact: true })).toBeVisible();
  await expect(page.getByText('This is close to a commonly used password.')).toBeVisible();
  await expect(page.getByText('Add more words, preferably uncommon ones.')).toBeVisible();
  // The button stays usable; nothing was created.
  await expect(form.submit).toBeEnabled();
  await expect(page.getByRole('heading', { level: 2, name: vault.strings.recoveryKey.title })).toBeHidden();

  await form.passphrase.fill('Zq9!x#Lw');
  await form.confirmation.fill('Zq9!x#Lw');
  await form.submit.click();
  await expect(page.getByText('Too short: use at least 10 characters.')).toBeVisible();

  // Strong but not confirmed, and the warning not acknowledged.
  await form.passphrase.fill(PASSPHRASE);
  await form.confirmation.fill(`${PASSPHRASE}!`);
  await form.acknowledge.uncheck();
  await form.submit.click();
  await expect(form.passphrase).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.confirmation).toHaveAttribute('aria-invalid', 'true');
  await expect(form.confirmation).toBeFocused();
  await expect(page.getByText(vault.strings.rules.mismatch)).toBeVisible();
  await expect(form.acknowledge).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(vault.strings.create.acknowledgeError)).toBeVisible();
  await expectNoSeriousViolations(page, 'create with errors');
});

test('a recovery key with one wrong character is refused by its checksum', async ({ page }) => {
  test.setTimeout(90_000);
  const vault = new VaultPage(page);
  await vault.gotoHome();
  const recoveryKey = await vault.createVault(PASSPHRASE);
  await vault.lock();

  const { key } = vault.recoverForm;
  await vault.submitRecovery(withTypo(recoveryKey, 23), AFTER_RECOVERY);
  const keyError = page.locator('#recover-key-error');
  await expect(keyError).toHaveText(
    'This recovery key is not right: check every group of characters. At least one character is mistyped.',
  );
  await expect(keyError).toHaveRole('alert');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toBeFocused();
  await expectNoSeriousViolations(page, 'recover with an error');

  // A character that cannot be in a key at all: the message says where.
  const compact = recoveryKey.replace(/-/g, '');
  await key.fill(`${compact.slice(0, 5)}U${compact.slice(6)}`);
  await vault.recoverForm.submit.click();
  await expect(keyError).toContainText('Character 6 (in group 2) cannot appear in a recovery key.');

  // Still locked: nothing was changed, the old passphrase still works.
  await page.getByRole('link', { name: vault.strings.recover.back }).click();
  await vault.unlock(PASSPHRASE);
  await vault.expectUnlocked();
});

test('the vault screens in French, with the progress bar while the key is derived', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Hold the key-derivation Worker's script back a moment, so the progress bar is surely seen.
  await page.route('**/kdf-worker*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const vault = new VaultPage(page, 'fr');
  await page.goto('/');
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Carnet' })).toBeVisible();
  await snap(page, testInfo, 'fr-welcome');

  await vault.openCreate();
  const form = vault.createForm;
  await form.passphrase.fill('bonjour1234');
  await expect(page.getByText('Solidité\u00a0: faible', { exact: true })).toBeVisible();
  await expect(page.getByText('Ajoutez d’autres mots, de préférence peu courants.')).toBeVisible();
  await snap(page, testInfo, 'fr-create-weak');
  await form.submit.click();
  await expect(page.getByText(vault.strings.rules.tooWeak)).toBeVisible();
  await expectNoSeriousViolations(page, 'create (fr, errors)');

  await form.passphrase.fill(PASSPHRASE);
  await form.confirmation.fill(PASSPHRASE);
  await expect(page.getByText('Solidité\u00a0: très forte')).toBeVisible();
  await expect(
    page.getByText('Temps estimé pour qu’un attaquant la devine\u00a0: des siècles.'),
  ).toBeVisible();
  await form.acknowledge.check();
  await form.terms.check();
  await form.adult.check();
  await form.submit.click();
  const progress = page.getByRole('progressbar', { name: 'Calcul des clés' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Calcul de vos clés' })).toBeVisible();
  await expect(form.passphrase).toBeDisabled();
  await snap(page, testInfo, 'fr-create-progress');

  await expect(page.getByRole('heading', { level: 2, name: vault.strings.recoveryKey.title })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('heading', { level: 2, name: vault.strings.recoveryKey.title })).toBeFocused();
  await expectNoSeriousViolations(page, 'recovery key (fr)');
  await snap(page, testInfo, 'fr-create-key');
  const groups = await page
    .getByRole('list', { name: vault.strings.recoveryKey.keyLabel })
    .getByRole('listitem')
    .allTextContents();
  await page.getByRole('button', { name: vault.strings.recoveryKey.continue }).click();

  // A wrong group is refused; the right one is accepted, in lower case.
  const asked = [];
  for (let number = 1; number <= 14; number++) {
    if ((await vault.groupField(number).count()) > 0) asked.push(number);
  }
  expect(asked).toHaveLength(2);
  const [first = 1, second = 2] = asked;
  await vault.groupField(first).fill(groups[first - 1] ?? '');
  await vault.groupField(second).fill('ZZZZ');
  await page.getByRole('button', { name: vault.strings.confirmKey.submit, exact: true }).click();
  await expect(page.getByText(`Ce n’est pas le groupe ${second}. Vérifiez votre copie.`)).toBeVisible();
  await expect(vault.groupField(second)).toBeFocused();
  await expectNoSeriousViolations(page, 'confirm key (fr)');
  await snap(page, testInfo, 'fr-create-confirm');
  await vault.groupField(second).fill((groups[second - 1] ?? '').toLowerCase());
  await page.getByRole('button', { name: vault.strings.confirmKey.submit, exact: true }).click();
  await vault.expectUnlocked();

  await vault.lock();
  await vault.unlock('mauvaise-phrase-de-passe');
  await vault.expectUnlockError();
  await expect(vault.alert).toHaveText('Phrase de passe incorrecte. Vérifiez-la et réessayez.');
  await snap(page, testInfo, 'fr-unlock-error');
  await vault.openRecover();
  await snap(page, testInfo, 'fr-recover');
});

test('the passphrase can be changed from the settings', async ({ page }) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^settings$/i })
    .click();
  await expect(vault.changeForm()).toBeVisible();

  const form = vault.changeForm();
  await form
    .getByLabel(vault.strings.passphrase.currentLabel, { exact: true })
    .fill('not-my-passphrase-at-all');
  await form.getByLabel(vault.strings.passphrase.newLabel, { exact: true }).fill(AFTER_RECOVERY);
  await form.getByLabel(vault.strings.passphrase.confirmLabel, { exact: true }).fill(AFTER_RECOVERY);
  await form.getByRole('button', { name: vault.strings.change.submit, exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('Wrong passphrase. Check it and try again.', {
    timeout: 30_000,
  });

  await vault.changePassphrase(PASSPHRASE, AFTER_RECOVERY);
  await vault.lock();
  await vault.unlock(PASSPHRASE);
  await vault.expectUnlockError();
  await vault.unlock(AFTER_RECOVERY);
  await vault.expectUnlocked();
});
