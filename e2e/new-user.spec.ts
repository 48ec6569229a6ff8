/**
 * What a new user tripped over (issue 14): the header on a phone, the family member the app opens
 * on, the offline badge, the practitioners' rate shown to patients, measurement tables on a phone,
 * stray default links, the profile limit, French elision. Screenshots of the main screens at
 * 390 px in English and French land in the test's output folder (artifacts, never committed).
 */
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';

async function headerShare(page: Page): Promise<number> {
  const box = await page.locator('header.shell__header').boundingBox();
  const height = page.viewportSize()?.height ?? 1;
  return (box?.height ?? height) / height;
}

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: false });
}

test('on a phone the header is a compact app bar with a keyboard menu, in English and French', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  const records = new RecordPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await profiles.createFirst({ name: 'Alice Martin', dateOfBirth: '1985-03-14' });
  await records.add('measurement', {
    'What was measured': 'weight',
    Weight: 71,
    'Date and time': '2026-01-10T08:30',
  });
  await records.add('measurement', {
    'What was measured': 'weight',
    Weight: 72.4,
    'Date and time': '2026-04-02T08:30',
  });
  await records.add('measurement', {
    'What was measured': 'weight',
    Weight: 70.6,
    'Date and time': '2026-07-05T08:30',
  });

  // In-app navigation only from here: a reload locks the vault.
  const openRecord = async () => {
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Record|Dossier)$/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  };
  for (const [language, other] of [
    ['en', 'Français'],
    ['fr', 'English'],
  ] as const) {
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await openRecord();
      // The one-time "ready to work offline" notice, dismissed as a user would.
      const gotIt = page.getByRole('button', { name: /^(Got it|Compris)$/ });
      if (await gotIt.isVisible()) await gotIt.click();
      await shoot(page, info, `record-${language}-${width}`);
      expect(await headerShare(page)).toBeLessThanOrEqual(0.2);
      // The content starts in the first third of the screen.
      const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(heading?.y ?? 844).toBeLessThan(844 / 3);
      // The active person's name is in the bar even with the menu folded.
      await expect(page.locator('.shell__person')).toHaveText(/Alice Martin/);
      await expect(page.locator('#shell-menu nav')).toBeHidden();
    }

    // Keyboard: Enter opens the menu and moves focus into it, Escape closes it and focus comes back.
    const menuButton = page.getByRole('button', { name: 'Menu' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const nav = page.locator('#shell-menu nav');
    await expect(nav).toBeVisible();
    expect(
      await page.evaluate(() => document.querySelector('#shell-menu')?.contains(document.activeElement)),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, info, `menu-${language}-390`);
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(menuButton).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    // Measurements on a phone: each date on one line.
    await menuButton.click();
    await nav.getByRole('link', { name: language === 'en' ? 'Measurements' : 'Mesures' }).click();
    await expect(nav).toBeHidden();
    const when = page.locator('.data-table__when').first();
    await expect(when).toBeVisible();
    const lineHeight = await when.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    const box = await when.locator('time').boundingBox();
    expect(box?.height ?? 999).toBeLessThan(lineHeight * 1.5);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, info, `measurements-${language}-390`);

    // Desktop: links inline, no menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator('#shell-menu nav')).toBeVisible();
    await expect(menuButton).toBeHidden();
    expect(await headerShare(page)).toBeLessThanOrEqual(0.25);
    await page.getByRole('button', { name: other, exact: true }).click();
  }

  // French elision: "dossier d’Alice", never "dossier de Alice".
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await openRecord();
  await expect(
    page.getByText('Tout le dossier d’Alice Martin, du plus récent au plus ancien.'),
  ).toBeVisible();
  // No stray default link under the timeline; the title is not an underlined link.
  await expect(page.locator('main').getByRole('link', { name: 'Profils', exact: true })).toHaveCount(0);
  expect(await page.locator('.brand').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
});

test('the app opens on the account holder, profiles in a stable order, the active one remembered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await profiles.createFirst({ name: 'Alice Martin', dateOfBirth: '1985-03-14' });
  // The first profile is remembered as active on this device at once.
  const activeId = await page.evaluate(() => localStorage.getItem('carnet.activeProfile'));
  expect(activeId).not.toBeNull();

  await profiles.goto();
  await profiles.add({ name: 'Léo Martin', relationship: 'child', dateOfBirth: '2016-05-01' });
  await profiles.add({ name: 'Zoé Martin', relationship: 'child', dateOfBirth: '2012-09-09' });
  await profiles.add({ name: 'Bruno Martin', relationship: 'partner', dateOfBirth: '1983-01-02' });
  const order = ['Alice Martin', 'Bruno Martin', 'Zoé Martin', 'Léo Martin'];
  await expect(profiles.switcher.locator('option')).toHaveText(order);

  await vault.lock();
  await page.reload();
  await vault.unlock(PASSPHRASE);
  await expect(profiles.switcher).toHaveValue(activeId ?? '');
  await expect(profiles.switcher.locator('option')).toHaveText(order);

  // Another choice is remembered across a reload too.
  await profiles.switchTo('Zoé Martin');
  await vault.lock();
  await page.reload();
  await vault.unlock(PASSPHRASE);
  await expect(profiles.switcher.locator('option:checked')).toHaveText('Zoé Martin');
});

test('patients do not see the practitioners’ rate; offline, the badge says so', async ({ page, context }) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  const sync = new SyncPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Alice Martin' });
  await sync.turnOnSync(`new-user-${Date.now()}@example.org`, PASSPHRASE);
  await sync.expectSynced();
  await expect(page.getByRole('heading', { name: 'Teleconsultation rate' })).toHaveCount(0);

  await context.setOffline(true);
  await expect(sync.badge).toHaveText('Offline');
  await context.setOffline(false);
  await sync.expectSynced();
});
