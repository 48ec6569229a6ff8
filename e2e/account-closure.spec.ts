/**
 * Closing the account (issue 13, item 4): after a backup, "Close the account" deletes everything on
 * the server (the server's SQLite file is read: no row of any table names the account any more, and
 * signing in with the same email fails) and on this device (no IndexedDB database, no vault key in
 * localStorage, no user-data cache); the backup then restores the record on the same device.
 * "Remove Carnet data from this device only" keeps the server account: signing in brings it back.
 */

import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../sync-server/src/store/sqlite.ts';
import { closureEn, closureFr } from '../web/src/features/closure/strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';
import { navigateInApp } from './support/navigate.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const PHONE = { width: 390, height: 844 };
/** The server's data folder, as playwright.config.ts hands it to the server. */
const SERVER_DB = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'data', SQLITE_FILE_NAME);
const s = closureEn;

test.use({ viewport: { width: 1280, height: 720 } });

/** The File System Access picker's native dialog cannot be driven: the backup takes the download path. */
async function noSavePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

/** Every row of every table of the server's database, as text, with its table's name. */
function serverRows(): { table: string; row: string }[] {
  const db = new Database(SERVER_DB, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as object[]).map((row) => ({
        table: name,
        row: JSON.stringify(row),
      })),
    );
  } finally {
    db.close();
  }
}

const accountIds = (): string[] =>
  serverRows()
    .filter((r) => r.table === 'accounts')
    .map((r) => (JSON.parse(r.row) as { id: string }).id);

/** What this device keeps: IndexedDB database names, `carnet.*` keys (storage), cache names. */
async function deviceState(page: Page): Promise<{ databases: string[]; keys: string[]; caches: string[] }> {
  return page.evaluate(async () => {
    const keysOf = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) =>
        k.startsWith('carnet.'),
      );
    return {
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      keys: [...keysOf(localStorage), ...keysOf(sessionStorage)],
      caches: await caches.keys(),
    };
  });
}

async function axe(page: Page, label: string): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${label}: ${v.id} ${v.help} — ${v.targets.join(', ')}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** A vault with one profile and one allergy, unlocked. */
async function newVault(page: Page): Promise<RecordPage> {
  await new VaultPage(page).gotoHome();
  await new VaultPage(page).createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });
  const records = new RecordPage(page);
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Hives' });
  return records;
}

async function openClosure(page: Page): Promise<void> {
  await followMainLink(page, 'Settings');
  const section = page.getByRole('region', { name: s.settings.title });
  await section.getByRole('link', { name: s.settings.link }).click();
  await expect(page.getByRole('heading', { level: 1, name: s.page.title })).toBeVisible();
}

/** The passphrase, the acknowledgement and the submit, by keyboard. */
async function confirmByKeyboard(page: Page, passphrase: string, submit: string): Promise<void> {
  const field = page.getByLabel(s.page.passphraseLabel, { exact: true });
  await field.fill(passphrase);
  await field.press('Tab');
  const tick = page.getByRole('checkbox');
  await expect(tick).toBeFocused();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: submit, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
}

/** The closure screens at 390 px in English and French, with axe; back to English after. */
async function phoneShotsAndAxe(page: Page, name: string, heading: RegExp): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize(PHONE);
  for (const [language, lang] of [
    ['English', 'en'],
    ['Français', 'fr'],
  ] as const) {
    await chooseLanguage(page, language);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    problems.push(...(await axe(page, `${lang} ${name}`)));
    await shoot(page, `${name}-${lang}-390`);
  }
  await chooseLanguage(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.setViewportSize({ width: 1280, height: 720 });
  return problems;
}

test('close a synced account after a backup: nothing left on the server or the device, the backup restores it', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await noSavePicker(page);
  await newVault(page);
  const email = `closure-${Date.now()}@example.org`;
  const before = new Set(accountIds());
  const sync = new SyncPage(page);
  await sync.turnOnSync(email, PASSPHRASE);
  await sync.expectSynced();
  const [accountId] = accountIds().filter((id) => !before.has(id));
  expect(accountId).toBeDefined();
  const named = () => serverRows().filter((r) => r.row.includes(accountId as string));
  // The scan sees the account where it is: its row, its session, its encrypted documents, and the
  // access history's sign-in event.
  // "Synced" can show while the first push is still being written: the scan waits for it (bounded).
  await expect
    .poll(() => new Set(named().map((r) => r.table)), { timeout: 15_000 })
    .toEqual(new Set(['accounts', 'sessions', 'documents', 'access_events']));

  // The backup, from the closure screen's own link.
  await openClosure(page);
  await expect(page.getByTestId('closure-last-backup')).toHaveText(s.page.noBackup);
  await page.getByRole('link', { name: s.page.backupLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Back up this vault' })).toBeVisible();
  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup' }).click();
  const file = test.info().outputPath('before-closure.carnet');
  await (await downloadStarted).saveAs(file);
  await expect(page.getByText(/^Backup saved: /)).toBeVisible();
  await navigateInApp(page, '/close-account');
  await expect(page.getByTestId('closure-last-backup')).toHaveText(/^Last backup on this device: /);
  await expect(page.getByText(s.page.accountSynced)).toBeVisible();
  const problems = await phoneShotsAndAxe(page, 'close-account', /^(Close the account|Fermer le compte)$/);

  // Nothing ticked, then a wrong passphrase: refused, nothing deleted.
  await page.getByRole('button', { name: s.page.submitAccount }).click();
  await expect(page.getByText(s.page.passphraseEmpty)).toBeVisible();
  await expect(page.getByText(s.page.understandMissing)).toBeVisible();
  await expect(page.getByLabel(s.page.passphraseLabel, { exact: true })).toBeFocused();
  await confirmByKeyboard(page, 'not my passphrase at all', s.page.submitAccount);
  await expect(page.getByRole('alert')).toHaveText(/Wrong passphrase/, { timeout: 60_000 });
  expect((await deviceState(page)).databases.length).toBeGreaterThan(0);
  expect(named().length).toBeGreaterThan(0);

  // Another tab of Carnet is open (locked): it must not hold the data or the database back.
  const otherTab = await context.newPage();
  await otherTab.goto('/');
  await expect(otherTab.getByRole('heading', { level: 1, name: 'Unlock Carnet' })).toBeVisible();
  // Untouched, it has not even loaded the database's code: the entry chunk alone hears the closure.
  const databaseCodeLoaded = () =>
    otherTab.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /\/assets\/database-[^/]*\.js$/.test(entry.name)),
    );
  expect(await databaseCodeLoaded()).toBe(false);

  // The right one: the server deletes the account, then this device is wiped.
  await page.getByRole('checkbox').uncheck();
  await confirmByKeyboard(page, PASSPHRASE, s.page.submitAccount);
  await expect(page.getByRole('heading', { level: 1, name: s.closed.titleAccount })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(s.closed.server)).toBeVisible();
  await expect(page.getByText(s.closed.device)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(otherTab.getByRole('heading', { level: 1, name: s.closed.titleAccount })).toBeVisible();
  expect(await databaseCodeLoaded()).toBe(false);
  await otherTab.close();
  const device = await deviceState(page);
  expect(device.databases).toEqual([]);
  expect(device.keys.filter((k) => k !== 'carnet.locale')).toEqual([]);
  expect(device.caches.filter((name) => !name.startsWith('workbox-precache'))).toEqual([]);
  expect(named()).toEqual([]);
  expect(accountIds()).not.toContain(accountId);
  problems.push(
    ...(await phoneShotsAndAxe(
      page,
      'account-closed',
      new RegExp(`^(${s.closed.titleAccount}|${closureFr.closed.titleAccount})$`),
    )),
  );
  expect(problems).toEqual([]);

  // Signing in again with the same email and passphrase: no such account.
  await page.getByRole('link', { name: s.closed.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in on this device' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);

  // The backup restores the record on this same device.
  await page.goto('/');
  await page.getByRole('link', { name: 'Restore from a backup' }).click();
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await page.getByRole('button', { name: 'Restore', exact: true }).click({ timeout: 60_000 });
  await expect(page.getByText('The backup is restored and your vault is open.')).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('link', { name: 'Go to my record' }).click();
  const records = new RecordPage(page);
  await records.gotoTimeline();
  await records.expectInTimeline('Penicillin');
});

test("offline, closing is refused; removing this device's data only works, the account stays and signing in brings it back", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await newVault(page);

  // Sync off: this device holds the only copy, and the screen says so.
  await openClosure(page);
  await page.getByRole('radio', { name: s.page.device }).check();
  await expect(page.getByText(s.page.deviceLocal)).toBeVisible();
  await expect(page.getByText(s.page.accountLocal)).toBeVisible();

  const email = `device-only-${Date.now()}@example.org`;
  const sync = new SyncPage(page);
  await sync.turnOnSync(email, PASSPHRASE);
  await sync.expectSynced();
  await openClosure(page);

  // Offline: closing the account is refused and nothing is deleted; this device's data can still go.
  await context.setOffline(true);
  await expect(page.getByTestId('closure-offline')).toHaveText(s.page.offline);
  await confirmByKeyboard(page, PASSPHRASE, s.page.submitAccount);
  await expect(page.getByRole('alert')).toHaveText(s.page.refusedOffline, { timeout: 60_000 });
  expect((await deviceState(page)).databases.length).toBeGreaterThan(0);
  await shoot(page, 'close-account-offline-en');

  // The choice by keyboard: the arrow key moves from one option to the other.
  await page.getByRole('radio', { name: s.page.account }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: s.page.device })).toBeChecked();
  await expect(page.getByText(s.page.deviceSynced)).toBeVisible();
  // Another choice asks for the acknowledgement again.
  await expect(page.getByRole('checkbox')).not.toBeChecked();
  await confirmByKeyboard(page, PASSPHRASE, s.page.submitDevice);
  await expect(page.getByRole('heading', { level: 1, name: s.closed.titleDevice })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(s.closed.accountStays)).toBeVisible();
  const device = await deviceState(page);
  expect(device.databases).toEqual([]);
  expect(device.keys.filter((k) => k !== 'carnet.locale')).toEqual([]);
  const problems = await phoneShotsAndAxe(
    page,
    'device-removed',
    new RegExp(`^(${s.closed.titleDevice}|${closureFr.closed.titleDevice})$`),
  );
  expect(problems).toEqual([]);

  await context.setOffline(false);
  await page.getByRole('link', { name: s.closed.signIn }).click();
  await sync.signIn(email, PASSPHRASE);
  const records = new RecordPage(page);
  await records.gotoTimeline();
  await records.expectInTimeline('Penicillin');
});
