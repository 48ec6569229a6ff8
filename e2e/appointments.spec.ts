/**
 * Appointments (issue 19, item 1), two browsers on one server: a practitioner lists themself,
 * publishes availability; a patient on a phone finds them, sees the rate, books a free time with a
 * reason (sealed for the practitioner); the practitioner reads the reason and accepts; the patient
 * sees it confirmed, downloads the .ics, and — on a fake clock moved to the time — is invited into
 * the waiting room. Screens in English and French at 390 px are audited with axe and photographed.
 */
import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { appointmentsEn, appointmentsFr } from '../web/src/features/appointments/strings.ts';
import { remindersEn } from '../web/src/features/reminders/strings-en.ts';
import { remindersFr } from '../web/src/features/reminders/strings-fr.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PASS = 'orchard-glacier-thimble-2049';
const s = appointmentsEn;

async function start(page: Page, profile: string, email: string): Promise<void> {
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASS);
  await new ProfilesPage(page).createFirst({ name: profile });
  await new SyncPage(page).turnOnSync(email, PASS);
  await new SyncPage(page).expectSynced();
}

async function shot(page: Page, name: string, path: (n: string) => string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await page.screenshot({ path: path(`${name}.png`), fullPage: true });
}

test('a patient books a slot, the practitioner accepts, the waiting room opens at the time', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(540_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const doctorName = `Dr Hugo Lambert ${tag}`;
  const out = (n: string) => testInfo.outputPath(n);

  // The practitioner, on a desktop: listed, then availability every day, 30-minute appointments.
  const doctorContext: BrowserContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  try {
    const doc = await doctorContext.newPage();
    await start(doc, doctorName, `doctor-${tag}@example.org`);
    await new MessagesPage(doc).listAsPractitioner({
      name: doctorName,
      profession: 'Kinésithérapeute',
      specialty: `Kinésithérapie ${tag}`,
      city: 'Nantes',
    });
    await followMainLink(doc, s.nav);
    await doc.getByRole('link', { name: s.page.availability }).click();
    const form = doc.locator('form').filter({ has: doc.getByRole('button', { name: s.availability.save }) });
    await form.getByLabel(s.availability.timeZone).fill('Europe/Paris');
    await form.getByLabel(s.availability.slotMinutes).fill('30');
    for (let i = 1; i < 7; i++) await form.getByRole('button', { name: s.availability.addWindow }).click();
    for (let i = 0; i < 7; i++) {
      await form.locator(`#weekly-day-${i}`).selectOption(String(i + 1));
      await form.locator(`#weekly-start-${i}`).fill('00:00');
      await form.locator(`#weekly-end-${i}`).fill('23:59');
    }
    await form.getByRole('checkbox', { name: s.availability.asap }).check();
    await form.getByRole('button', { name: s.availability.save }).click();
    await expect(form.getByRole('status')).toHaveText(s.availability.saved);

    // The patient, on a phone, with a fake clock (running from now until the test moves it).
    await page.clock.install();
    await start(page, 'Camille Roux', `patient-${tag}@example.org`);
    await page.setViewportSize({ width: 390, height: 844 });
    await followMainLink(page, s.nav);
    await page.getByRole('link', { name: s.page.book }).click();
    const specialty = page.getByLabel(s.book.specialty, { exact: true });
    await specialty.fill(`kinesitherapie ${tag}`);
    await specialty.press('Enter');
    await page.getByRole('button', { name: s.book.choose.replace('{{ name }}', doctorName) }).click();
    // The rate is shown before anything is sent: the default hourly rate, 60 €.
    await expect(page.locator('.book__rate')).toContainText('€60.00');
    const slots = page.getByRole('group', { name: s.book.slots });
    await expect(slots.getByRole('radio').nth(3)).toBeVisible();
    // A time at least an hour ahead: the waiting room is not open yet.
    const third = slots.getByRole('radio').nth(3);
    const startsAt = Number(await third.getAttribute('value'));
    expect(startsAt - Date.now()).toBeGreaterThan(60 * 60_000);
    await third.check();
    await page.getByLabel(s.book.reason, { exact: true }).fill('Knee pain since Monday');
    await shot(page, 'book-en-390', out);
    await page.getByRole('button', { name: s.book.send }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.page.title })).toBeVisible();
    await expect(page.getByText(s.item.status.requested)).toBeVisible();

    // The practitioner reads the reason (opened on their device) and accepts.
    await doc.getByRole('link', { name: s.book.back }).click();
    await doc.getByRole('button', { name: s.page.refresh }).click();
    const item = doc.getByRole('listitem').filter({ hasText: 'Knee pain since Monday' });
    await expect(item).toContainText('Camille Roux');
    await item.getByRole('button', { name: s.item.accept }).click();
    await expect(item).toContainText(s.item.status.accepted);

    // The patient sees it confirmed, with the rate; the .ics holds the time.
    await page.getByRole('button', { name: s.page.refresh }).click();
    const mine = page.getByRole('listitem').filter({ hasText: doctorName });
    await expect(mine).toContainText(s.item.status.accepted);
    await expect(mine.locator('.appointment__rate')).toContainText('€60.00');
    await expect(mine.getByRole('link', { name: s.item.join })).toHaveCount(0);
    const download = page.waitForEvent('download');
    await mine.getByRole('button', { name: s.item.ics }).click();
    const ics = readFileSync(await (await download).path(), 'utf8');
    const stamp = new Date(startsAt)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${stamp}`);
    expect(ics).toContain('Knee pain since Monday');
    await shot(page, 'appointments-en-390', out);

    // Reminders: the accepted appointment is kept on the device (sealed) and, its day-before time
    // being past, listed now with the way in; in English and French at 390 px.
    await followMainLink(page, remindersEn.nav);
    const reminder = page.locator('.reminder[data-kind="appointment"]');
    await expect(reminder).toContainText(doctorName);
    await expect(reminder).toContainText(remindersEn.kinds.appointment);
    await expect(reminder.getByRole('link', { name: remindersEn.join })).toHaveAttribute(
      'href',
      /^\/consult#[0-9A-Z]{10}$/,
    );
    await shot(page, 'reminders-en-390', out);
    await chooseLanguage(page, 'Français');
    await expect(reminder.getByRole('link', { name: remindersFr.join })).toBeVisible();
    await shot(page, 'reminders-fr-390', out);
    await chooseLanguage(page, 'English');
    await followMainLink(page, s.nav);

    // The time comes (fake clock). An hour without a touch locks the vault, as on a real device
    // left aside: the patient unlocks, and the waiting room is open, the patient invited in.
    await page.clock.setSystemTime(startsAt);
    await page.clock.runFor(16_000);
    const vault = new VaultPage(page);
    await vault.unlock(PASS);
    await followMainLink(page, s.nav);
    await expect(mine.getByRole('link', { name: s.item.join })).toBeVisible({ timeout: 20_000 });
    await expect(mine.getByRole('status')).toHaveText(s.item.joinHint);
    await chooseLanguage(page, 'Français');
    await shot(page, 'appointments-fr-390', out);
    await expect(mine.getByRole('link', { name: appointmentsFr.item.join })).toBeVisible();
    await page.getByRole('link', { name: appointmentsFr.page.billing }).click();
    await shot(page, 'billing-fr-390', out);
    await chooseLanguage(page, 'English');
    await shot(page, 'billing-en-390', out);
    await page.getByRole('link', { name: s.book.back }).click();
    await mine.getByRole('link', { name: s.item.join }).click();
    await expect(page).toHaveURL(/\/consult#[0-9A-Z]{10}$/);

    // The practitioner's availability screen, photographed.
    await doc.setViewportSize({ width: 390, height: 844 });
    await followMainLink(doc, s.nav);
    await doc.getByRole('link', { name: s.page.availability }).click();
    await expect(doc.locator('#weekly-start-6')).toHaveValue('00:00');
    await shot(doc, 'availability-en-390', out);
    await chooseLanguage(doc, 'Français');
    await shot(doc, 'availability-fr-390', out);
  } finally {
    await doctorContext.close();
  }
});
