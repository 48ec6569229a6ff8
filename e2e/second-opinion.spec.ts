/**
 * Second opinion (issue 18), three browsers: a parent asks, for their child's profile, as legal
 * representative with a proof document, a second opinion in cardiology with "let Carnet choose";
 * two referent doctors see only the minimal summary; one accepts at a stated price (the other then
 * sees it gone); the doctor reads the forms and documents and asks for one more document; the parent
 * attaches it; the doctor sends a signed report with a PDF; the parent sees it verified in the
 * request, with the due date met, and in the child's record; the consent history shows each consent
 * with its version; withdrawing consent on another request closes it. Screens at 390 px, EN and FR,
 * axe-clean. The requests refresh by in-app navigation (no live event for them yet).
 */
import { expect, type Page, test } from '@playwright/test';
import { secondOpinionFr } from '../web/src/features/second-opinion/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SecondOpinionPage } from './pages/second-opinion-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PARENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';

async function doctorIn(
  browser: import('@playwright/test').Browser,
  baseURL: string | undefined,
  tag: string,
  name: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(DOCTOR_PASS);
  await new SyncPage(page).turnOnSync(
    `${name.replace(/\W/g, '').toLowerCase()}-${tag}@example.org`,
    DOCTOR_PASS,
  );
  await new SyncPage(page).expectSynced();
  await new SecondOpinionPage(page).becomeReferent({
    name: `${name} ${tag}`,
    specialty: 'Cardiologie pédiatrique',
  });
  return { page, close: () => context.close() };
}

test('second opinion: legal representative, let Carnet choose, first accept wins, more information, signed report, consents', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const baseURL = testInfo.project.use.baseURL;

  // The parent: a vault, the child's profile, sync on.
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PARENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Léa Martin', dateOfBirth: '2018-05-14' });
  await new SyncPage(page).turnOnSync(`parent-${tag}@example.org`, PARENT_PASS);
  await new SyncPage(page).expectSynced();

  const first = await doctorIn(browser, baseURL, tag, 'Dr Anne Roux');
  const second = await doctorIn(browser, baseURL, tag, 'Dr Paul Blanc');
  try {
    // The parent asks, on a phone, by the form.
    await page.setViewportSize({ width: 390, height: 844 });
    const parent = new SecondOpinionPage(page);
    const s = parent.s;
    await parent.goto();
    await parent.main.getByRole('link', { name: s.page.ask }).click();
    await expect(parent.main.getByRole('heading', { level: 1, name: s.form.title })).toBeVisible();
    await expect(parent.main.getByLabel(s.form.fieldLabel, { exact: true })).toHaveValue('cardiology');
    await expect(parent.main.getByText(`Dr Anne Roux ${tag}`)).toBeVisible({ timeout: 15_000 });
    await expect(parent.main.getByRole('radio', { name: s.form.anyDoctor })).toBeChecked();
    await parent.main.getByRole('radio', { name: s.role['legal-representative'] }).check();
    await parent.main
      .getByLabel(s.form.proof, { exact: true })
      .setInputFiles(parent.file('jugement-tutelle.pdf', '%PDF-1.4 proof'));
    const question = `Does the murmur need surgery ${tag}?`;
    await parent.main
      .getByLabel('What question do you want the doctor to answer?', { exact: true })
      .fill(question);
    await parent.main.getByLabel('Medical history', { exact: true }).fill('Heart murmur heard at 6');
    await parent.main.getByRole('checkbox', { name: /not an emergency service/ }).check();
    await parent.main.getByLabel('Main symptom', { exact: true }).selectOption('murmur');
    await parent.main
      .getByRole('group', { name: 'Any fainting or near-fainting?' })
      .getByRole('radio', { name: s.form.no })
      .check();
    await parent.main
      .getByLabel(s.form.documents, { exact: true })
      .setInputFiles(parent.file('echo-2025.pdf', '%PDF-1.4 echo'));
    // Consents start unticked; sending without them is refused and says why.
    for (const kind of ['consent-health-data', 'consent-terms', 'consent-gp-exchange'])
      await expect(parent.main.locator(`#${kind}`)).not.toBeChecked();
    await parent.main.getByRole('button', { name: s.form.send }).click();
    await expect(parent.main.getByText(s.form.consentNeeded)).toBeVisible();
    await parent.main.locator('#consent-health-data').check();
    await parent.main.locator('#consent-terms').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('form-en-390.png'), fullPage: true });
    await parent.main.getByRole('button', { name: s.form.send }).click();
    await expect(parent.main.getByText(s.detail.waiting)).toBeVisible({ timeout: 30_000 });

    // Both doctors see the minimal summary: field, age, the question; not the child's name.
    const doctorA = new SecondOpinionPage(first.page);
    const doctorB = new SecondOpinionPage(second.page);
    for (const d of [doctorA, doctorB]) {
      await d.goto();
      await expect(d.items().first()).toContainText(question, { timeout: 15_000 });
      await expect(d.items().first()).toContainText('Patient aged 8');
      await expect(d.main).not.toContainText('Léa');
    }
    expect(await seriousViolations(first.page)).toEqual([]);
    await doctorA.main.getByLabel(doctorA.s.page.priceLabel, { exact: true }).fill('60');
    await doctorA.main.getByRole('button', { name: doctorA.s.page.accept }).click();
    await expect(doctorA.items().first()).toContainText(doctorA.s.stage.accepted, { timeout: 15_000 });
    // The other doctor: it is gone, and so is the summary.
    await doctorB.goto();
    await expect(doctorB.items().first()).toContainText(doctorB.s.stage.gone, { timeout: 15_000 });
    await expect(doctorB.main).not.toContainText(question);

    // The parent's device sends the request on when it opens it; price and due date shown.
    await parent.openFirst();
    await expect(parent.main).toContainText(s.detail.requestTitle);
    await expect(parent.main).toContainText('60.00');
    await expect(parent.main).toContainText('Report due by');

    // The doctor reads the forms and documents and asks for one more document.
    await doctorA.openFirst();
    await expect(doctorA.main).toContainText('Patient: Léa Martin');
    await expect(doctorA.main).toContainText(s.role['legal-representative']);
    await expect(doctorA.main).toContainText('Heart murmur heard at 6');
    await expect(doctorA.main.getByRole('button', { name: 'Download jugement-tutelle.pdf' })).toBeVisible();
    const download = first.page.waitForEvent('download');
    await doctorA.main.getByRole('button', { name: 'Download echo-2025.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('echo-2025.pdf');
    await doctorA.main.getByLabel(s.detail.askMoreLabel, { exact: true }).fill('Please send the latest ECG');
    await doctorA.main.getByRole('button', { name: s.detail.askMore }).click();
    await expect(doctorA.main).toContainText('The doctor asks: Please send the latest ECG');
    expect(await seriousViolations(first.page)).toEqual([]);

    // The parent attaches it.
    await parent.openFirst();
    await expect(parent.main).toContainText('The doctor asks: Please send the latest ECG');
    await parent.main
      .getByLabel(s.detail.attachLabel, { exact: true })
      .setInputFiles(parent.file('ecg.pdf', '%PDF-1.4 ecg'));
    await parent.main.getByRole('button', { name: s.detail.attach }).click();
    await expect(parent.main).toContainText('Document sent: ecg.pdf', { timeout: 15_000 });

    // The doctor sees it and sends a signed report with a PDF.
    await doctorA.openFirst();
    await expect(doctorA.main).toContainText('Document sent: ecg.pdf');
    await doctorA.main
      .getByLabel(s.detail.reportTitleLabel, { exact: true })
      .fill('Cardiology second opinion');
    await doctorA.main
      .getByLabel(s.detail.reportBody, { exact: true })
      .fill(`Innocent murmur, no surgery ${tag}`);
    await doctorA.main
      .getByLabel(s.detail.reportPdf, { exact: true })
      .setInputFiles(parent.file('avis.pdf', '%PDF-1.4 report'));
    await doctorA.main.getByRole('button', { name: s.detail.sendReport }).click();
    await expect(doctorA.main).toContainText(s.stage.done, { timeout: 15_000 });

    // The parent: verified, due date met, imported into the child's record; consents with versions.
    await parent.goto();
    await expect(parent.items().first()).toContainText(s.page.reportArrived);
    await parent.openFirst();
    await expect(parent.main).toContainText(`Signature verified: written by Dr Anne Roux ${tag}`, {
      timeout: 15_000,
    });
    await expect(parent.main).toContainText(`Innocent murmur, no surgery ${tag}`);
    await expect(parent.main).toContainText('before the due date');
    await expect(parent.main).toContainText('Added to the record of Léa Martin, read-only.');
    await expect(parent.main.getByRole('button', { name: 'Download avis.pdf' })).toBeVisible();
    const history = parent.main.locator('.opinion-consents li');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText('Processing of health data given on');
    await expect(history.first()).toContainText('text version 1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('request-en-390.png'), fullPage: true });
    await chooseLanguage(page, 'Français');
    await expect(parent.main).toContainText(secondOpinionFr.detail.consentsTitle);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('request-fr-390.png'), fullPage: true });
    await chooseLanguage(page, 'English');
    await followMainLink(page, 'Record');
    await expect(page.getByRole('main')).toContainText('Cardiology second opinion', { timeout: 15_000 });

    // Another request, chosen doctor; withdrawing consent closes it.
    await parent.goto();
    await parent.main.getByRole('link', { name: s.page.ask }).click();
    await expect(parent.main.getByText(`Dr Paul Blanc ${tag}`)).toBeVisible({ timeout: 15_000 });
    await parent.main.getByRole('radio', { name: new RegExp(`Dr Paul Blanc ${tag}`) }).check();
    await parent.main
      .getByLabel('What question do you want the doctor to answer?', { exact: true })
      .fill(`Second question ${tag}`);
    await parent.main.getByLabel('Medical history', { exact: true }).fill('Murmur');
    await parent.main.getByRole('checkbox', { name: /not an emergency service/ }).check();
    await parent.main.getByLabel('Main symptom', { exact: true }).selectOption('palpitations');
    await parent.main
      .getByRole('group', { name: 'Any fainting or near-fainting?' })
      .getByRole('radio', { name: s.form.no })
      .check();
    await parent.main.locator('#consent-health-data').check();
    await parent.main.locator('#consent-terms').check();
    await parent.main.getByRole('button', { name: s.form.send }).click();
    await expect(parent.main.getByText(s.detail.waiting)).toBeVisible({ timeout: 30_000 });
    await parent.main.getByRole('button', { name: s.detail.withdraw }).click();
    await expect(parent.main.getByText(s.detail.closed)).toBeVisible({ timeout: 15_000 });
    await doctorB.goto();
    await expect(doctorB.main).not.toContainText(`Second question ${tag}`);

    // The list screen in French at 390 px.
    await parent.goto();
    await chooseLanguage(page, 'Français');
    await expect(
      parent.main.getByRole('heading', { level: 1, name: secondOpinionFr.page.title }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('list-fr-390.png'), fullPage: true });
  } finally {
    await first.close();
    await second.close();
  }
});
