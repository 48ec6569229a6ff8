/**
 * Devices and access history (issue 13 items 5 and 6): two browser contexts sign in to one account;
 * both sign-ins appear in the device list and in the access history with their names; device A
 * signs device B out from the list, by keyboard, with the passphrase: B's badge says why within a
 * second of the server's answer and B receives no more changes. Screens at 390 px, EN and FR, and
 * axe-clean.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { browserSummary } from '../web/src/server/device-name.ts';
import { DevicesPage } from './pages/devices-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage } from './support/main-nav.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

test('devices and access history: two sign-ins listed by name, one device signs the other out at once', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const email = `devices-${randomBytes(6).toString('hex')}@example.org`;
  const vaultA = new VaultPage(page);
  await vaultA.gotoHome();
  await vaultA.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });
  const a = new SyncPage(page);
  await a.turnOnSync(email, PASSPHRASE);
  await a.expectSynced();
  const nameA = browserSummary(await page.evaluate(() => navigator.userAgent));
  expect(nameA).not.toBe('');

  const contextB = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    userAgent: IPHONE_UA,
  });
  try {
    const pageB = await contextB.newPage();
    const b = new SyncPage(pageB);
    await b.signIn(email, PASSPHRASE);
    await b.expectSynced();
    const nameB = 'Safari on iOS';

    // A: both devices listed with their names, A marked as this device.
    const devices = new DevicesPage(page);
    await devices.gotoDevices();
    await expect.poll(() => devices.deviceNames()).toEqual([nameB, `${nameA} (this device)`]);

    // A: the access history has both sign-ins, by device name.
    await devices.gotoHistory();
    await expect(devices.history).toBeVisible();
    const lines = await devices.historyLines();
    expect(lines).toContain(`Signed in on ${nameB}`);
    expect(lines).toContain(`Sync turned on from ${nameA}`);
    // Filtered to sign-ins only, by profile "Account": the same two lines, nothing else.
    await page.getByLabel(devices.s.page.kindLabel, { exact: true }).selectOption('sign-in');
    await page.getByLabel(devices.s.page.profileLabel, { exact: true }).selectOption('account');
    await expect(page.getByRole('status').filter({ hasText: /events$/ })).toHaveText('2 events');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: testInfo.outputPath('history-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await chooseLanguage(page, 'Français');
    await expect(page.getByRole('heading', { level: 1, name: devices.s.page.title })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Historique des accès' })).toBeVisible();
    await expect(devices.history.getByRole('listitem').first()).toContainText(
      /Connexion sur|Synchronisation activée/,
    );
    await page.screenshot({ path: testInfo.outputPath('history-fr.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await chooseLanguage(page, 'English');
    await page.setViewportSize({ width: 1280, height: 900 });

    // B's live stream is open: a change from A arrives.
    await new RecordPage(page).addNote('Before the sign-out', 'Seen by B');
    await expect(
      pageB.getByRole('main').locator('.record-item__title', { hasText: 'Before the sign-out' }),
    ).toBeVisible({ timeout: 15_000 });

    // A signs B out from the list, by keyboard: the button, the passphrase, Enter.
    await devices.gotoDevices();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: testInfo.outputPath('devices-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await chooseLanguage(page, 'Français');
    await expect(page.getByRole('heading', { level: 1, name: 'Appareils' })).toBeVisible();
    await expect(devices.list.getByText('Cet appareil', { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('devices-fr.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await chooseLanguage(page, 'English');
    await page.setViewportSize({ width: 1280, height: 900 });

    const signOut = page.getByRole('button', {
      name: devices.s.devices.signOut.replace('{{ name }}', nameB),
    });
    await signOut.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(a.s.settings.confirmPassphraseLabel)).toBeFocused();
    await page.keyboard.type(PASSPHRASE);
    // B notes the moment its badge says why (its own clock: the same machine's).
    const why = `Sync error: ${a.s.reasons['signed-out-elsewhere']}`;
    await pageB.evaluate((text) => {
      const badge = document.querySelector('.sync-badge [role="status"]');
      const w = window as unknown as { toldAt?: number };
      if (!badge) return;
      new MutationObserver(() => {
        if (w.toldAt === undefined && badge.textContent?.trim() === text) w.toldAt = Date.now();
      }).observe(badge, { subtree: true, childList: true, characterData: true });
    }, why);
    const ended = page.waitForResponse(
      (r) => r.request().method() === 'DELETE' && r.url().includes('/api/account/devices/'),
      { timeout: 60_000 },
    );
    await page.keyboard.press('Enter');
    expect((await ended).status()).toBe(204);
    const signedOutAt = Date.now();
    await expect(b.badge).toHaveText(why, { timeout: 5_000 });
    const toldAt = await pageB.evaluate(() => (window as unknown as { toldAt?: number }).toldAt);
    expect(toldAt).toBeDefined();
    const elapsed = (toldAt ?? Number.POSITIVE_INFINITY) - signedOutAt;
    testInfo.annotations.push({ type: 'B told it was signed out after (ms)', description: String(elapsed) });
    expect(elapsed).toBeLessThan(1_000);

    // A: the list now has A only, the outcome said, focus on the list heading.
    await expect(page.getByRole('status').filter({ hasText: `${nameB} is signed out.` })).toBeVisible();
    await expect.poll(() => devices.deviceNames()).toEqual([`${nameA} (this device)`]);
    await expect(page.getByRole('heading', { level: 2, name: devices.s.devices.listTitle })).toBeFocused();

    // B receives nothing more.
    await new RecordPage(page).addNote('After the sign-out', 'Not for B');
    await pageB.waitForTimeout(2_000);
    await expect(
      pageB.getByRole('main').locator('.record-item__title', { hasText: 'After the sign-out' }),
    ).toHaveCount(0);

    // The history says who signed out whom.
    await devices.gotoHistory();
    await expect(devices.history.getByRole('listitem').first()).toContainText(
      `${nameB} signed out from ${nameA}`,
    );
  } finally {
    await contextB.close();
  }
});
