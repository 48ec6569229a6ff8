/**
 * Sync between two devices (issue 4): two browser contexts share one server. Records and a
 * document made on one device appear on the other live, both ways; the same record edited offline
 * on both devices keeps both edits once they reconnect. Every step goes through the UI; the vault
 * is never reloaded (a reload locks it).
 */
import { randomBytes } from 'node:crypto';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PROTOCOL_VERSION } from '../shared/protocol/version.ts';
import { emergencyEn } from '../web/src/features/emergency/strings.ts';
import { recordEn, recordFr } from '../web/src/features/record/strings.ts';
import { DocumentsPage } from './pages/documents-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const PROFILE = 'Camille Martin';
/** Live updates go through the server's event stream; offline edits wait for the retry. */
const LIVE_TIMEOUT = 15_000;
const RECONNECT_TIMEOUT = 45_000;

const SEVERE = recordEn.options.severity.severe;

const valuesOf = (inputs: Element[]) => inputs.map((input) => (input as HTMLInputElement).value);

interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
  record: RecordPage;
  sync: SyncPage;
}

function device(name: string, context: BrowserContext, page: Page): Device {
  return { name, context, page, record: new RecordPage(page), sync: new SyncPage(page) };
}

/** The one-line summaries of the allergies listed on screen ("Penicillin — Severe — Rash"). */
async function allergyFacts(page: Page): Promise<string[]> {
  const list = page.getByRole('main').getByRole('list', { name: recordEn.kindTitles.allergy });
  const facts = await list.locator('.record-item__facts').allTextContents();
  return facts.map((text) => text.trim()).filter((text) => text.startsWith('Penicillin'));
}

/**
 * Where the two offline edits stand on one device: `merged` when one entry has both, `copies`
 * when a conflicting copy keeps one of them beside the other (no edit lost either way).
 */
function outcome(facts: readonly string[]): 'merged' | 'copies' | 'pending' {
  const hasBoth = (text: string) => text.includes('Rash') && text.includes(SEVERE) && !text.includes('Hives');
  if (facts.some(hasBoth)) return 'merged';
  const rash = facts.some((text) => text.includes('Rash'));
  const severe = facts.some((text) => text.includes(SEVERE));
  return rash && severe && facts.length > 1 ? 'copies' : 'pending';
}

test('two devices: sign in, live updates both ways, a document, offline edits of one record merge', async ({
  browser,
  context,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const email = `a-${randomBytes(6).toString('hex')}@example.org`;
  const a = device('A', context, page);

  // 1. Device A: a vault, a profile, an allergy and a note, then sync on.
  const vaultA = new VaultPage(a.page);
  await vaultA.gotoHome();
  await vaultA.createVault(PASSPHRASE);
  await new ProfilesPage(a.page).createFirst({ name: PROFILE });
  await a.record.addAllergy({ substance: 'Penicillin', severity: 'moderate', reaction: 'Hives' });
  await a.record.addNote('Vaccination card', 'Kept in the blue folder');
  await a.sync.turnOnSync(email, PASSPHRASE);
  await a.sync.expectSynced();
  expect(await seriousViolations(a.page)).toEqual([]);

  // 2. Device B: a fresh browser profile signs in and finds A's profile and records.
  const contextB = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    acceptDownloads: true,
  });
  try {
    const b = device('B', contextB, await contextB.newPage());
    await b.sync.signIn(email, PASSPHRASE);
    await expect(new ProfilesPage(b.page).switcher.locator('option', { hasText: PROFILE })).toHaveCount(1, {
      timeout: LIVE_TIMEOUT,
    });
    await b.record.gotoTimeline();
    await expect(timelineItem(b, 'Penicillin')).toBeVisible({ timeout: LIVE_TIMEOUT });
    await expect(timelineItem(b, 'Vaccination card')).toBeVisible();
    await b.sync.expectSynced();

    // 3. Live, both ways, without a reload: each device watches its timeline while the other adds.
    await a.record.addNote('Added on A', 'Written on device A');
    await expect(timelineItem(b, 'Added on A')).toBeVisible({ timeout: LIVE_TIMEOUT });
    await a.record.gotoTimeline();
    await b.record.addNote('Added on B', 'Written on device B');
    await expect(timelineItem(a, 'Added on B')).toBeVisible({ timeout: LIVE_TIMEOUT });

    // A document uploaded on A is listed on B and downloads byte-identical.
    const file = {
      name: 'sync-check.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Carnet sync check ${randomBytes(16).toString('hex')}\n`),
    };
    const documentsA = new DocumentsPage(a.page);
    await documentsA.goto();
    await documentsA.upload(file);
    const documentsB = new DocumentsPage(b.page);
    await documentsB.goto();
    await expect(documentsB.item(file.name)).toBeVisible({ timeout: LIVE_TIMEOUT });
    // The chunks replicate beside the document's record: wait until B has caught up.
    await b.sync.expectSynced();
    await expect(async () => {
      const downloaded = await documentsB.download(file.name);
      expect(downloaded.fileName).toBe(file.name);
      expect(downloaded.bytes.equals(file.buffer)).toBe(true);
    }).toPass({ timeout: LIVE_TIMEOUT });

    // 4. Both offline, the same allergy edited on both: A its reaction, B its severity.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await a.record.editFirst('allergy', { reaction: 'Rash' });
    await b.record.editFirst('allergy', { severity: 'severe' });
    await expect(a.sync.badge).toHaveText(a.sync.s.status.offline, { timeout: LIVE_TIMEOUT });
    await expect(b.sync.badge).toHaveText(b.sync.s.status.offline, { timeout: LIVE_TIMEOUT });
    expect(await allergyFacts(a.page)).toEqual([expect.stringContaining('Rash')]);
    expect(await allergyFacts(b.page)).toEqual([expect.stringContaining(SEVERE)]);
    await a.context.setOffline(false);
    await b.context.setOffline(false);

    // Both devices converge on the same entries, and they hold both edits.
    let settled: string[] = [];
    await expect
      .poll(
        async () => {
          const [factsA, factsB] = [await allergyFacts(a.page), await allergyFacts(b.page)];
          const same = JSON.stringify([...factsA].sort()) === JSON.stringify([...factsB].sort());
          settled = factsA;
          return same ? outcome(factsA) : 'pending';
        },
        { timeout: RECONNECT_TIMEOUT, intervals: [500, 1_000, 2_000] },
      )
      .not.toBe('pending');
    if (outcome(settled) === 'copies') {
      // Allowed by docs/architecture.md §6.4 (no edit lost), but disjoint fields are expected to merge: say so.
      testInfo.annotations.push({
        type: 'sync',
        description: `offline edits kept as a conflicting copy, not merged: ${settled.join(' | ')}`,
      });
    }
    for (const { page: devicePage } of [a, b]) {
      const main = devicePage.getByRole('main');
      await expect(main.getByText(/Rash/).first()).toBeVisible();
      await expect(main.getByText(new RegExp(SEVERE)).first()).toBeVisible();
    }

    // 5. Both badges end on "Synced at …".
    await a.sync.expectSynced(RECONNECT_TIMEOUT);
    await b.sync.expectSynced(RECONNECT_TIMEOUT);
    expect(await a.sync.status()).toMatch(/^Synced at /);
    expect(await b.sync.status()).toMatch(/^Synced at /);

    // 6. The same field edited differently offline: one version is kept, the other stays visible
    // as a labelled conflicting copy on both devices, so the user can choose (no edit lost).
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await a.record.editFirst('allergy', { reaction: 'Swelling' });
    await b.record.editFirst('allergy', { reaction: 'Itching' });
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    for (const { page: devicePage } of [a, b]) {
      const main = devicePage.getByRole('main');
      await expect(main.getByText(/Swelling/).first()).toBeVisible({ timeout: RECONNECT_TIMEOUT });
      await expect(main.getByText(/Itching/).first()).toBeVisible({ timeout: RECONNECT_TIMEOUT });
      await expect(main.getByText(recordEn.timeline.conflictCopy).first()).toBeVisible();
    }
    // The copy is never offered to the emergency profile: its reaction is not prefilled there.
    await followMainLink(b.page, emergencyEn.navLink);
    await expect(b.page.getByRole('heading', { level: 1, name: emergencyEn.title })).toBeVisible();
    const offered = b.page.getByRole('main').locator('input');
    await expect.poll(async () => (await offered.evaluateAll(valuesOf)).join(' | ')).toContain('Penicillin');
    const prefill = (await offered.evaluateAll(valuesOf)).join(' | ');
    expect([/Swelling/.test(prefill), /Itching/.test(prefill)].filter(Boolean)).toHaveLength(1);

    // 7. The conflict screen says which device saved each version and when, and shows what differs.
    const c = recordEn.conflict;
    await b.record.gotoTimeline();
    await b.page
      .getByRole('link', { name: new RegExp(`^${recordEn.timeline.conflictOriginal}`) })
      .first()
      .click();
    await expect(b.page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
    const versions = b.page.getByRole('main').locator('.conflict__version');
    await expect(versions).toHaveCount(2);
    await expect(versions.filter({ hasText: '(this device)' })).toHaveCount(1);
    for (const version of await versions.all()) {
      await expect(version).toContainText(/Saved on Chrome \(Linux\) · [A-Z0-9]{4}.* at .*\d{1,2}:\d{2}/);
    }
    const table = b.page.getByRole('table', { name: c.differs });
    const reactions = table.locator('tr[data-field="reactions"]');
    await expect(reactions).toContainText('Swelling');
    await expect(reactions).toContainText('Itching');
    expect(await seriousViolations(b.page)).toEqual([]);
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.screenshot({ path: testInfo.outputPath('conflict-390-en.png'), fullPage: true });
    await chooseLanguage(b.page, 'Français');
    await expect(b.page.getByRole('heading', { level: 1, name: recordFr.conflict.title })).toBeVisible();
    expect(await seriousViolations(b.page)).toEqual([]);
    await b.page.screenshot({ path: testInfo.outputPath('conflict-390-fr.png'), fullPage: true });
    await chooseLanguage(b.page, 'English');
    await b.page.setViewportSize({ width: 1280, height: 800 });

    // Merged by keyboard: "Itching" picked for the reactions, then the merge button.
    const itchingVersion = (await reactions.locator('td').nth(1).textContent())?.includes('Itching') ? 1 : 0;
    const pick = reactions.getByRole('radio').nth(itchingVersion);
    await pick.focus();
    await b.page.keyboard.press('Space');
    await expect(pick).toBeChecked();
    await b.page.getByRole('button', { name: c.merge }).focus();
    await b.page.keyboard.press('Enter');
    await expect(b.page.getByRole('status').filter({ hasText: c.resolved })).toBeVisible();

    // Both devices end with one Penicillin allergy, holding the chosen reaction, and no copy.
    for (const device of [a, b]) {
      await device.record.gotoKind('allergy');
      await expect
        .poll(() => allergyFacts(device.page), { timeout: RECONNECT_TIMEOUT })
        .toEqual([expect.stringContaining('Itching')]);
      await expect(device.page.getByRole('main').getByText(recordEn.timeline.conflictCopy)).toHaveCount(0);
    }
  } finally {
    await contextB.close();
  }
});

test('sign-in errors are announced; turning sync off keeps the records on the device', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const email = `a-${randomBytes(6).toString('hex')}@example.org`;
  const a = device('A', page.context(), page);
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: PROFILE });
  await a.record.addNote('Stays here', 'Kept after sync is turned off');

  // A wrong passphrase is refused before anything is registered.
  await a.sync.gotoSettings();
  const section = a.sync.section;
  await section.getByLabel(a.sync.s.settings.emailLabel, { exact: true }).fill(email);
  await section
    .getByLabel(a.sync.s.settings.passphraseLabel, { exact: true })
    .fill('not-the-passphrase-at-all');
  await section.getByRole('button', { name: a.sync.s.settings.submit, exact: true }).click();
  await expect(section.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByLabel(a.sync.s.settings.passphraseLabel, { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await a.sync.turnOnSync(email, PASSPHRASE);
  await a.sync.expectSynced();

  // Another device: an unknown email gets the same answer as a wrong passphrase.
  const contextB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const b = await contextB.newPage();
    await b.goto('/sign-in');
    const title = b.getByRole('heading', { level: 1, name: a.sync.s.signIn.title });
    await expect(title).toBeVisible();
    expect(await seriousViolations(b)).toEqual([]);
    const passphrase = b.getByLabel(a.sync.s.signIn.passphraseLabel, { exact: true });
    await b.getByLabel(a.sync.s.signIn.emailLabel, { exact: true }).fill(`nobody-${email}`);
    await passphrase.fill(PASSPHRASE);
    await b.getByRole('button', { name: a.sync.s.signIn.submit, exact: true }).click();
    const alert = b.getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 30_000 });
    const unknownEmail = await alert.textContent();
    await expect(passphrase).toBeFocused();
    await b.getByLabel(a.sync.s.signIn.emailLabel, { exact: true }).fill(email);
    await passphrase.fill('not-the-passphrase-at-all');
    await b.getByRole('button', { name: a.sync.s.signIn.submit, exact: true }).click();
    await expect(alert).toHaveText(unknownEmail ?? '', { timeout: 30_000 });
    await expect(title).toBeVisible();
  } finally {
    await contextB.close();
  }

  // Turned off with the keyboard: Cancel has the focus first, Escape backs out, then confirmed.
  await a.sync.gotoSettings();
  const turnOff = section.getByRole('button', { name: a.sync.s.settings.turnOff, exact: true });
  await turnOff.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('button', { name: a.sync.s.settings.confirmNo, exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(turnOff).toBeFocused();
  await expect(a.sync.badge).toBeVisible();
  await a.sync.turnOff();
  await expect(section.getByRole('status').filter({ hasText: a.sync.s.settings.turnedOff })).toBeVisible();
  await a.record.gotoTimeline();
  await expect(timelineItem(a, 'Stays here')).toBeVisible();
  await expect(a.sync.badge).toHaveCount(0);
});

test('a server on another protocol version pauses sync and offers to update the app', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // Blocked service worker: requests it handled would bypass the route below.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  try {
    await context.route('**/api/version', (route) =>
      route.fulfill({ json: { protocolVersion: PROTOCOL_VERSION + 1 } }),
    );
    const page = await context.newPage();
    const a = device('A', context, page);
    const vault = new VaultPage(page);
    await vault.gotoHome();
    await vault.createVault(PASSPHRASE);
    await new ProfilesPage(page).createFirst({ name: PROFILE });
    await a.sync.turnOnSync(`v-${randomBytes(6).toString('hex')}@example.org`, PASSPHRASE);
    await expect(a.sync.badge).toHaveText(a.sync.s.status.outdated, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: a.sync.s.status.update, exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});

/** An entry of the timeline (or the list on screen) that shows this text. */
function timelineItem(d: Device, text: string) {
  return d.record.main.getByRole('listitem').filter({ hasText: text }).first();
}

test('sign out everywhere else: the other device is cut off at once and says why; a passphrase change too', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const email = `out-${randomBytes(6).toString('hex')}@example.org`;
  const vaultA = new VaultPage(page);
  await vaultA.gotoHome();
  await vaultA.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: PROFILE });
  const a = new SyncPage(page);
  await a.turnOnSync(email, PASSPHRASE);
  await a.expectSynced();
  // The server's storage figures, in the user's units.
  await expect(a.section.locator('.sync-settings__storage')).toHaveText(/ of 512 MB used$/);

  const contextB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const pageB = await contextB.newPage();
    const b = new SyncPage(pageB);
    await b.signIn(email, PASSPHRASE);
    await b.expectSynced();
    // B's live stream is open: a change from A arrives without a reload.
    await new RecordPage(page).addNote('Before the sign-out', 'Seen by B');
    await expect(
      pageB.getByRole('main').locator('.record-item__title', { hasText: 'Before the sign-out' }),
    ).toBeVisible({
      timeout: LIVE_TIMEOUT,
    });

    // A: "Sign out everywhere else", with the passphrase (a wrong one is refused).
    await a.gotoSettings();
    const action = a.section.getByRole('button', { name: a.s.settings.signOutOthersTitle, exact: true });
    await action.click();
    const form = a.section.getByRole('form', { name: a.s.settings.signOutOthersTitle });
    await form.getByLabel(a.s.settings.confirmPassphraseLabel).fill('not-the-passphrase-at-all');
    await form.getByRole('button', { name: a.s.settings.signOutOthersSubmit }).click();
    await expect(form.getByRole('alert')).toHaveText('Wrong passphrase. Check it and try again.', {
      timeout: 60_000,
    });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: testInfo.outputPath('sign-out-others-en.png'), fullPage: true });
    await form.getByLabel(a.s.settings.confirmPassphraseLabel).fill(PASSPHRASE);
    await form.getByRole('button', { name: a.s.settings.signOutOthersSubmit }).click();
    await expect(a.section.getByText(a.s.settings.signOutOthersDone)).toBeVisible({ timeout: 60_000 });
    const signedOutAt = Date.now();

    // B: its session and live stream end; its status says why, with the way back.
    const why = `Sync error: ${a.s.reasons['signed-out-elsewhere']}`;
    await expect(b.badge).toHaveText(why, { timeout: 5_000 });
    const elapsed = Date.now() - signedOutAt;
    testInfo.annotations.push({ type: 'signed out after (ms)', description: String(elapsed) });
    await expect(
      pageB.locator('.sync-badge').getByRole('link', { name: a.s.status.signInAgain }),
    ).toBeVisible();
    await new RecordPage(page).addNote('After the sign-out', 'Not for B');
    await pageB.waitForTimeout(2_000);
    await expect(
      pageB.getByRole('main').locator('.record-item__title', { hasText: 'After the sign-out' }),
    ).toHaveCount(0);
    await pageB.setViewportSize({ width: 390, height: 900 });
    await pageB.screenshot({ path: testInfo.outputPath('signed-out-b-en.png'), fullPage: true });

    // B signs in again; then A changes the passphrase: B is told that is why it was signed out.
    await pageB.locator('.sync-badge').getByRole('link', { name: a.s.status.signInAgain }).click();
    await b.section.getByLabel(a.s.settings.passphraseLabel, { exact: true }).fill(PASSPHRASE);
    await b.section.getByRole('button', { name: a.s.settings.signInAgainSubmit, exact: true }).click();
    await b.expectSynced(60_000);
    await vaultA.changePassphrase(PASSPHRASE, 'lantern-meadow-copper-7731');
    await expect(b.badge).toHaveText(`Sync error: ${a.s.reasons['signed-out-keyring-changed']}`, {
      timeout: 15_000,
    });
    await chooseLanguage(pageB, 'Français');
    await pageB.screenshot({ path: testInfo.outputPath('signed-out-b-fr.png'), fullPage: true });
  } finally {
    await contextB.close();
  }
});
