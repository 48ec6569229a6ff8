/**
 * The legal layer (issue 18 item 5): the three legal pages before any vault, in English and French;
 * the terms and the 18+ declaration required at creation (by keyboard); the standing notices; and
 * the terms asked again after unlocking a vault that holds no current acceptance.
 */
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { legalEn, legalFr } from '../web/src/features/legal/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';
import { navigateInApp } from './support/navigate.ts';

const PASSPHRASE = 'juniper-cobalt-harbour-5528';

async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect.soft(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

/** Deletes this vault's record of the accepted terms in IndexedDB, as a vault made before them has none. */
async function forgetAcceptedTerms(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    let removed = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name?.includes('syncstate')) continue;
      const db = await open(info.name);
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readwrite').objectStore(storeName);
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const out: IDBValidKey[] = [];
          const request = store.openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve(out);
            const value = cursor.value as Record<string, unknown>;
            if (value.id === 'terms') out.push(cursor.primaryKey);
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        });
        for (const key of keys) {
          await new Promise<void>((resolve, reject) => {
            const request = store.delete(key);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          });
          removed++;
        }
      }
      db.close();
    }
    return removed;
  });
}

test.describe('legal layer', () => {
  test('the legal pages, before any vault, in English and in French at 390 px', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    for (const [language, s] of [
      ['English', legalEn],
      ['Français', legalFr],
    ] as const) {
      await chooseLanguage(page, language);
      const footer = page.getByRole('contentinfo');
      await expect(footer.getByText(s.emergency.text)).toBeVisible();
      await footer.getByRole('link', { name: s.footer.terms }).click();
      await expect(page.getByRole('heading', { level: 1, name: s.terms.title })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: s.terms.emergencyTitle })).toBeVisible();
      // Operator placeholders are marked as such.
      await expect(page.locator('mark.legal-placeholder').first()).toBeVisible();
      await expectAxeClean(page, `${language} terms`);
      await snap(page, testInfo, `${language}-terms`);

      await footer.getByRole('link', { name: s.footer.privacy }).click();
      await expect(page.getByRole('heading', { level: 1, name: s.privacy.title })).toBeVisible();
      await expect(page.locator('mark.legal-placeholder')).toHaveCount(3);
      await expectAxeClean(page, `${language} privacy`);
      await snap(page, testInfo, `${language}-privacy`);

      await footer.getByRole('link', { name: s.footer.notice }).click();
      await expect(page.getByRole('heading', { level: 1, name: s.notice.title })).toBeVisible();
      await expect(page.locator('mark.legal-placeholder')).toHaveCount(3);
      await expectAxeClean(page, `${language} notice`);
      await snap(page, testInfo, `${language}-notice`);
      await page.getByRole('link', { name: s.pages.back }).click();
    }
  });

  test('creating a vault needs the terms and the 18+ declaration, by keyboard; asked again when missing', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const vault = new VaultPage(page);
    await vault.gotoHome();
    await vault.openCreate();
    const form = vault.createForm;
    await form.passphrase.fill(PASSPHRASE);
    await form.confirmation.fill(PASSPHRASE);
    await form.acknowledge.check();
    await form.submit.click();
    // Both boxes unticked: each says why, and nothing is created.
    await expect(form.terms).toHaveAttribute('aria-invalid', 'true');
    await expect(form.adult).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(legalEn.consent.termsError)).toBeVisible();
    await expect(page.getByText(legalEn.consent.adultError)).toBeVisible();
    await expectAxeClean(page, 'create without the terms');
    await snap(page, testInfo, 'en-create-terms-errors');

    // By keyboard: tick both with the space bar, then submit with Enter.
    await form.terms.focus();
    await page.keyboard.press('Space');
    await expect(form.terms).toBeChecked();
    await form.adult.focus();
    await page.keyboard.press('Space');
    await expect(form.adult).toBeChecked();
    await expect(page.getByText(legalEn.consent.termsError)).toBeHidden();
    // The rest of the wizard through the page object (the boxes stay ticked).
    await vault.createVault(PASSPHRASE);
    // The profile form's page object expects the desktop header.
    await page.setViewportSize({ width: 1280, height: 720 });
    await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });

    // Standing notices: next to medications, the adverse-reaction link; on the consult page, not a diagnosis.
    await navigateInApp(page, '/record/medication');
    const report = page.getByRole('link', { name: legalEn.adverseReaction.link });
    await expect(report).toHaveAttribute('href', 'https://signalement.social-sante.gouv.fr/');
    await expect(report).toHaveAttribute('target', '_blank');
    await navigateInApp(page, '/consult');
    await expect(page.getByText(legalEn.care.text)).toBeVisible();

    // A vault holding no acceptance (made before the terms): asked once after unlocking, in French.
    expect(await forgetAcceptedTerms(page)).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await chooseLanguage(page, 'Français');
    const fr = new VaultPage(page, 'fr');
    await fr.unlock(PASSPHRASE);
    await expect(page.getByRole('heading', { level: 1, name: legalFr.gate.titleNew })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: legalFr.gate.titleNew })).toBeFocused();
    // Nothing else until accepted: the record's links lead back to the question.
    await page.getByRole('button', { name: legalFr.gate.submit }).click();
    await expect(page.getByText(legalFr.consent.adultError)).toBeVisible();
    await expectAxeClean(page, 'terms asked again (fr)');
    await snap(page, testInfo, 'fr-terms-gate');
    // The texts stay readable meanwhile, then the question is back.
    await page.getByRole('contentinfo').getByRole('link', { name: legalFr.footer.terms }).click();
    await expect(page.getByRole('heading', { level: 1, name: legalFr.terms.title })).toBeVisible();
    await page.getByRole('link', { name: legalFr.pages.back }).click();
    await fr.acceptTermsAgain();
    await followMainLink(page, /^(record|dossier)$/i);
    await expect(page.getByRole('heading', { level: 1, name: legalFr.gate.titleNew })).toBeHidden();

    // Accepted for good: a new unlock does not ask.
    await fr.lock();
    await fr.unlock(PASSPHRASE);
    await fr.expectUnlocked();
    await expect(page.getByRole('heading', { level: 1, name: legalFr.gate.titleNew })).toBeHidden();
  });
});
