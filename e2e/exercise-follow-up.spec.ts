/**
 * Home exercise follow-up (issue 19 item 2): a physiotherapist prescribes a programme through a share
 * (read + add, practitioner entries); the patient logs three sessions offline, goes back online; the
 * practitioner sees adherence 3 of 5 and the pain trend, then adjusts the programme with a new signed
 * entry, which becomes the patient's current one while the first keeps its log.
 */
import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { exerciseEn, exerciseFr } from '../web/src/features/exercise/strings.ts';
import { remindersFr } from '../web/src/features/reminders/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const PHYSIO_PASS = 'lantern-meadow-copper-7731';
const AGENT_TIMEOUT = 30_000;
const s = exerciseEn;
const TITLE = 'Right knee — weeks 1 to 4';

async function logSession(
  page: Page,
  n: number,
  status: string,
  pain: number,
  difficulty: number,
  note: string,
) {
  const form = page.getByRole('form', { name: s.form.title }).first();
  const rows = page.getByRole('region', { name: TITLE }).getByTestId('session-table').locator('tbody tr');
  await form.getByRole('radio', { name: status, exact: true }).check();
  await form.getByLabel(s.form.pain).selectOption(String(pain));
  await form.getByLabel(s.form.difficulty).selectOption(String(difficulty));
  await form.getByLabel(s.form.note).fill(note);
  await form.getByRole('button', { name: s.form.submit }).click();
  await expect(page.getByTestId('session-saved')).toContainText(s.form.saved.split(' {{')[0] ?? '');
  await expect(rows).toHaveCount(n);
}

test('exercise programme: prescribed through a share, logged offline, followed and adjusted', async ({
  browser,
  page,
  context,
}, testInfo) => {
  test.setTimeout(540_000);
  const tag = randomBytes(4).toString('hex');

  const patientVault = new VaultPage(page);
  await patientVault.gotoHome();
  await patientVault.createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
  const sync = new SyncPage(page);
  await sync.turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await sync.expectSynced();
  const patient = new SharePage(page);
  const share = await patient.create({ sections: ['practitioner-entry'], mode: 'read-add', expiry: '24h' });

  const physioContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const doc = await physioContext.newPage();
    const physioVault = new VaultPage(doc);
    await physioVault.gotoHome();
    await physioVault.createVault(PHYSIO_PASS);
    await new SyncPage(doc).turnOnSync(`physio-${tag}@example.org`, PHYSIO_PASS);
    await new SyncPage(doc).expectSynced();
    const physio = new SharePage(doc);
    await physio.saveProfile({
      name: 'Julien Moreau',
      profession: 'Physiotherapist',
      professionalId: '10009876543',
      city: 'Lyon',
    });
    await doc.goto('about:blank');
    await doc.goto(share.link);
    await physioVault.unlock(PHYSIO_PASS);
    await physioVault.expectUnlocked();
    await physio.open();
    await physio.addExerciseProgramme('Right knee — weeks 1 to 4', { sessionsPerWeek: 5 }, [
      { name: 'Wall squat', sets: 3, reps: 10, frequency: 'Every other day' },
      { name: 'Step-ups', sets: 2, reps: 15 },
    ]);

    // The patient gets the plan.
    await followMainLink(page, s.nav);
    const programme = page.getByRole('region', { name: 'Right knee — weeks 1 to 4' });
    await expect(programme).toBeVisible({ timeout: AGENT_TIMEOUT });
    await expect(programme).toContainText('Wall squat — 3 sets — 10 repetitions — Every other day');
    await expect(programme).toContainText('5 sessions a week');
    await expect(programme).toContainText('This week: 0 of 5 sessions');

    // Three sessions, offline: saved on the device at once.
    await context.setOffline(true);
    await logSession(page, 1, 'Done', 5, 6, `Stiff ${tag}`);
    await logSession(page, 2, 'Partly done', 4, 7, 'Stopped after two sets');
    await logSession(page, 3, 'Done', 2, 5, 'Easier');
    await expect(programme).toContainText('This week: 3 of 5 sessions');
    await expect(programme).toContainText('2 done, 1 partly, 0 skipped');
    await expect(programme.getByTestId('session-table').locator('tbody tr')).toHaveCount(3);
    await expect(programme.getByRole('img', { name: /Chart of pain and difficulty/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.setOffline(false);

    // The practitioner follows it through the share: 3 of 5, and the pain trend 5, 4, 2.
    const followed = physio
      .section('practitioner-entry')
      .getByRole('region', { name: 'Right knee — weeks 1 to 4' });
    await expect(async () => {
      await doc.getByRole('button', { name: physio.s.open.refresh }).click();
      await expect(followed).toContainText('Since the start: 3 of 5 sessions (60%)', { timeout: 2_000 });
    }).toPass({ timeout: AGENT_TIMEOUT * 2 });
    const pains = await followed
      .getByTestId('session-table')
      .locator('tbody tr td:nth-child(3)')
      .allTextContents();
    expect(pains.sort()).toEqual(['2', '4', '5']);
    await expect(followed).toContainText(`Stiff ${tag}`);
    expect(await seriousViolations(doc)).toEqual([]);
    await doc.setViewportSize({ width: 390, height: 844 });
    await followed.screenshot({ path: testInfo.outputPath('practitioner-follow-up-390.png') });

    // Adjusts: a new signed programme from the same practitioner replaces the first on the patient's page.
    await physio.addExerciseProgramme('Right knee — weeks 5 to 8', { sessionsPerWeek: 3 }, [
      { name: 'Single-leg squat', sets: 3, reps: 8 },
    ]);
    const adjusted = page.getByRole('region', { name: 'Right knee — weeks 5 to 8' });
    await expect(adjusted).toBeVisible({ timeout: AGENT_TIMEOUT });
    await expect(adjusted).toContainText('This week: 0 of 3 sessions');
    await page.getByText(s.replaced).click();
    await expect(programme).toContainText(s.replacedBy);
    await expect(programme).toContainText('2 done, 1 partly, 0 skipped');

    // The screen at 390 px, in English and in French, by keyboard and axe-clean. The trend chart,
    // drawn at desktop width, follows the narrowed window.
    const chart = programme.locator('.exercise-chart');
    const drawnWidth = async () => (await chart.locator('canvas').boundingBox())?.width ?? 0;
    expect(await drawnWidth()).toBeGreaterThan(400);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => (await drawnWidth()) - ((await chart.boundingBox())?.width ?? 0))
      .toBeLessThanOrEqual(1);
    expect(await drawnWidth()).toBeLessThan(390);
    await page.screenshot({ path: testInfo.outputPath('exercise-en-390.png'), fullPage: true });
    await chooseLanguage(page, 'Français');
    await expect(page.getByRole('heading', { level: 1, name: exerciseFr.title })).toBeVisible();
    await expect(adjusted).toContainText('Cette semaine : 0 séances sur 3');
    await page.screenshot({ path: testInfo.outputPath('exercise-fr-390.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    const submit = page.getByRole('button', { name: exerciseFr.form.submit }).first();
    await submit.focus();
    await expect(submit).toBeFocused();

    // The exercise reminder: no session logged today for the new programme, so it is listed.
    await followMainLink(page, remindersFr.nav);
    const now = page.getByRole('region', { name: remindersFr.now });
    await expect(now).toContainText('Right knee — weeks 5 to 8');
    // Camille is 42: no general milestone of the schedule at that age.
    await expect(page.getByRole('region', { name: remindersFr.vaccines.title })).toContainText(
      remindersFr.vaccines.none,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('reminders-fr-390.png'), fullPage: true });
    await now.getByRole('button', { name: remindersFr.done }).first().click();
    await expect(now).toContainText(remindersFr.nothing);
    await chooseLanguage(page, 'English');
    await page.screenshot({ path: testInfo.outputPath('reminders-en-390.png'), fullPage: true });
  } finally {
    await physioContext.close();
  }
});
