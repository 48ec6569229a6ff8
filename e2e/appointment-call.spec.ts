/**
 * An appointment from request to bill (issue 19, done means), two browsers on one server, fake
 * camera and microphone, inside a network namespace with only `lo` (npm run test:e2e:call): a patient
 * requests a slot, the practitioner accepts; both clocks (Playwright's fake clock, installed before
 * the first page and running at real speed) move to the time, the waiting room opens on both sides;
 * the practitioner opens the room from the appointment, the patient joins from it, knocks and is
 * admitted; media flows both ways; both clocks jump 200 s during the call (Date only: no timer fires,
 * WebRTC keeps running on real time), so the connected time is 3:20 plus the real seconds of the call,
 * billed as 4 started minutes at 60 €/h = €4.00; the patient ends. The bill shows in the
 * practitioner's billing history, in the patient's consultations, and in the month's statement PDF
 * downloaded through the UI and read with `pdftotext -layout`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { appointmentsEn } from '../web/src/features/appointments/strings.ts';
import { CALL_TIMEOUT, CallPage, RECORD_PEER_CONNECTIONS } from './pages/call-page.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { followMainLink } from './support/main-nav.ts';

const PASS = 'orchard-glacier-thimble-2049';
const PATIENT = 'Camille Roux';
const s = appointmentsEn;
/** How far both clocks jump during the call: 3:20, so the call bills whatever the machine's speed. */
const JUMP_MS = 200_000;

async function person(context: BrowserContext, profile: string, email: string): Promise<Page> {
  await context.addInitScript(RECORD_PEER_CONNECTIONS);
  await context.clock.install();
  const page = await context.newPage();
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASS);
  await new ProfilesPage(page).createFirst({ name: profile });
  await new SyncPage(page).turnOnSync(email, PASS);
  await new SyncPage(page).expectSynced();
  return page;
}

/** Moves the page's wall clock forward without firing a timer (Date only, not the timers' ticks). */
async function jump(page: Page, ms: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + ms);
}

test('a requested slot, accepted, opens the waiting room at the time; the call is billed in both histories and the statement', async ({
  browser,
}, testInfo) => {
  test.setTimeout(600_000);
  expect(Object.keys(networkInterfaces()), 'run it with `npm run test:e2e:call`').toEqual(['lo']);
  const tag = randomBytes(4).toString('hex');
  const doctorName = `Dr Hugo Lambert ${tag}`;
  const options = {
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  };
  const doctorContext = await browser.newContext(options);
  const patientContext = await browser.newContext(options);
  try {
    // The practitioner: listed, available every day, 30-minute appointments (default rate 60 €/h).
    const doc = await person(doctorContext, doctorName, `doctor-${tag}@example.org`);
    await new MessagesPage(doc).listAsPractitioner({
      name: doctorName,
      profession: 'Médecin généraliste',
      specialty: `Médecine générale ${tag}`,
      city: 'Lyon',
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
    await form.getByRole('button', { name: s.availability.save }).click();
    await expect(form.getByRole('status')).toHaveText(s.availability.saved);

    // The patient requests a slot at least an hour ahead, with a reason.
    const page = await person(patientContext, PATIENT, `patient-${tag}@example.org`);
    await followMainLink(page, s.nav);
    await page.getByRole('link', { name: s.page.book }).click();
    const specialty = page.getByLabel(s.book.specialty, { exact: true });
    await specialty.fill(`medecine generale ${tag}`);
    await specialty.press('Enter');
    await page.getByRole('button', { name: s.book.choose.replace('{{ name }}', doctorName) }).click();
    await expect(page.locator('.book__rate')).toContainText('€60.00');
    const slot = page.getByRole('group', { name: s.book.slots }).getByRole('radio').nth(3);
    await expect(slot).toBeVisible();
    const startsAt = Number(await slot.getAttribute('value'));
    expect(startsAt - (await page.evaluate(() => Date.now()))).toBeGreaterThan(60 * 60_000);
    await slot.check();
    await page.getByLabel(s.book.reason, { exact: true }).fill('Follow-up of the knee');
    await page.getByRole('button', { name: s.book.send }).click();
    await expect(page.getByText(s.item.status.requested)).toBeVisible();

    // The practitioner accepts; before the time neither side can enter.
    await doc.getByRole('link', { name: s.book.back }).click();
    await doc.getByRole('button', { name: s.page.refresh }).click();
    const theirs = doc.getByRole('listitem').filter({ hasText: 'Follow-up of the knee' });
    await theirs.getByRole('button', { name: s.item.accept }).click();
    await expect(theirs).toContainText(s.item.status.accepted);
    await expect(theirs.getByRole('link', { name: s.item.openRoom })).toHaveCount(0);
    await page.getByRole('button', { name: s.page.refresh }).click();
    const mine = page.getByRole('listitem').filter({ hasText: doctorName });
    await expect(mine).toContainText(s.item.status.accepted);
    await expect(mine.getByRole('link', { name: s.item.join })).toHaveCount(0);

    // The time comes on both devices. An hour untouched locks each vault (auto-lock): unlock.
    for (const p of [doc, page]) {
      await p.clock.setSystemTime(startsAt);
      await p.clock.runFor(16_000);
      await new VaultPage(p).unlock(PASS);
      await followMainLink(p, s.nav);
    }

    // The practitioner opens the waiting room from the appointment.
    await expect(theirs.getByRole('link', { name: s.item.openRoom })).toBeVisible({ timeout: 20_000 });
    await theirs.getByRole('link', { name: s.item.openRoom }).click();
    const host = new CallPage(doc);
    await doc.getByRole('button', { name: host.s.room.open }).click();
    await expect(doc.locator('.room-link__code')).toHaveText(/^[0-9A-Z]{10}$/, { timeout: CALL_TIMEOUT });
    const code = (await doc.locator('.room-link__code').textContent()) ?? '';

    // The patient is invited in, joins from the appointment (the room's code), knocks, is admitted.
    await expect(mine.getByRole('link', { name: s.item.join })).toBeVisible({ timeout: 20_000 });
    await mine.getByRole('link', { name: s.item.join }).click();
    await expect(page).toHaveURL(new RegExp(`/consult#${code}$`));
    const patient = new CallPage(page);
    await patient.knock();
    const waiting = host.waitingPatient(PATIENT);
    await expect(waiting).toBeVisible({ timeout: CALL_TIMEOUT });
    await waiting.getByRole('button', { name: host.s.room.admit.replace('{{ name }}', PATIENT) }).click();
    await host.expectConnected();
    await patient.expectConnected();

    // Media both ways: inbound video frames and audio bytes rise on each side.
    for (const side of [host, patient]) {
      const first = await side.counters();
      expect(first.connected).toBeGreaterThan(0);
      for (const address of first.addresses) expect(address).toMatch(/^(127\.0\.0\.1|::1)$/);
      await expect(async () => {
        const later = await side.counters();
        expect(later.framesDecoded).toBeGreaterThan(first.framesDecoded);
        expect(later.audioBytesReceived).toBeGreaterThan(first.audioBytesReceived);
      }).toPass({ timeout: CALL_TIMEOUT });
    }

    // 3:20 pass on both clocks (a key press first, so the 5-minute auto-lock counts from now).
    for (const p of [doc, page]) await p.keyboard.press('Shift');
    await jump(doc, JUMP_MS);
    await jump(page, JUMP_MS);
    await expect(doc.locator('.call-elapsed')).toHaveText(/^03:[2-5]\d$/, { timeout: 10_000 });
    await expect(host.page.locator('.call-state')).toHaveText(host.s.call.state.connected);
    await page.getByRole('button', { name: patient.s.call.end }).click();

    // Both summaries: billable, 4 started minutes at 60 €/h. The patient kept the host's (not disputed).
    for (const [side, profile] of [
      [host, doctorName],
      [patient, PATIENT],
    ] as const) {
      const summary = side.summary();
      await expect(summary).toBeVisible({ timeout: CALL_TIMEOUT });
      await expect(summary.locator('.call-summary__billable')).toHaveText(side.s.summary.yes);
      await expect(summary.locator('.call-summary__amount')).toHaveText('€4.00');
      await expect(summary.getByRole('status')).toHaveText(`Saved, encrypted, in the record of ${profile}.`);
      await side.page.getByRole('button', { name: side.s.summary.back }).click();
    }

    // The practitioner's billing history: the patient's alias and the amount, the month's total.
    await followMainLink(doc, s.nav);
    await doc.getByRole('link', { name: s.page.billing }).click();
    const hosted = doc.getByRole('region', { name: s.billing.practitioner });
    const row = hosted.getByRole('row').filter({ hasText: PATIENT });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('€4.00');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^3:[2-5]\d$/);
    const month = doc.getByLabel(s.billing.month);
    const monthValue = await month.locator('option').nth(1).getAttribute('value');
    expect(monthValue).toMatch(/^\d{4}-\d{2}$/);
    await month.selectOption(monthValue ?? '');
    await expect(hosted.locator('.billing-totals')).toContainText('1 consultations, €4.00');
    const download = doc.waitForEvent('download');
    await hosted.getByRole('button', { name: /^Statement PDF for / }).click();
    const pdfPath = await (await download).path();
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    writeFileSync(testInfo.outputPath('statement.txt'), text);
    expect(text).toContain('Teleconsultation statement');
    expect(text).toContain(doctorName);
    const lines = text.split('\n');
    const patientLine = lines.find((l) => l.includes(PATIENT)) ?? '';
    expect(patientLine).toMatch(/€4\.00\s*$/);
    const totalLine = lines.find((l) => /^\s*Total\b/.test(l)) ?? '';
    expect(totalLine).toMatch(/€4\.00\s*$/);

    // The patient's consultations: the same amount, with the practitioner, not disputed.
    await followMainLink(page, s.nav);
    await page.getByRole('link', { name: s.page.billing }).click();
    const own = page.getByRole('region', { name: s.billing.patient });
    const ownRow = own.getByRole('row').filter({ hasText: doctorName });
    await expect(ownRow).toHaveCount(1);
    await expect(ownRow).toContainText('€4.00');
    await expect(ownRow).not.toContainText(s.billing.disputed);
  } finally {
    await doctorContext.close();
    await patientContext.close();
  }
});
