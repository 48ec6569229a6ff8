/**
 * A hostile server against a second device (issue 12, finding 2): devices A and B (two browser
 * contexts) sync through the real server; on B, a Playwright route on `/api/sync/pull` plays the
 * server and serves the allergy's first version after B has seen the second (a rollback), then that
 * first version flipped to deleted at the next rev (a forged deletion). B lists both as refused
 * changes under its sync status and keeps showing the newest genuine allergy.
 */
import { randomBytes } from 'node:crypto';
import { expect, type Route, test } from '@playwright/test';
import type { Envelope } from '../shared/schema/envelope.ts';
import { recordEn } from '../web/src/features/record/strings.ts';
import { refusedEn } from '../web/src/features/sync/refused-strings.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const PROFILE = 'Camille Martin';
const LIVE_TIMEOUT = 15_000;
const SEVERE = recordEn.options.severity.severe;

test('a rolled-back and a forged deletion served to the second device are refused and listed', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const email = `h-${randomBytes(6).toString('hex')}@example.org`;
  const recordA = new RecordPage(page);
  const syncA = new SyncPage(page);
  const vaultA = new VaultPage(page);
  await vaultA.gotoHome();
  await vaultA.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: PROFILE });
  await recordA.addAllergy({ substance: 'Peanut', severity: 'moderate', reaction: 'Hives' });
  await syncA.turnOnSync(email, PASSPHRASE);
  await syncA.expectSynced();

  const contextB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-US' });
  try {
    const pageB = await contextB.newPage();
    // The man in the middle: remembers every record envelope B pulls, and serves `inject` first.
    const seen: Envelope[] = [];
    let inject: Envelope | null = null;
    await pageB.route('**/api/sync/pull', async (route: Route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { documents: Envelope[]; checkpoint: unknown };
      if ((route.request().postDataJSON() as { kind?: string }).kind === 'record') {
        seen.push(...body.documents);
        if (inject) body.documents = [inject, ...body.documents.filter((d) => d.id !== inject?.id)];
      }
      await route.fulfill({ response, json: body });
    });
    const recordB = new RecordPage(pageB);
    const syncB = new SyncPage(pageB);
    await syncB.signIn(email, PASSPHRASE);
    await recordB.gotoTimeline();
    const allergyB = recordB.main.getByRole('listitem').filter({ hasText: 'Peanut' }).first();
    await expect(allergyB).toBeVisible({ timeout: LIVE_TIMEOUT });
    await syncB.expectSynced();
    const first = seen.find((d) => d.kind === 'record' && d.rev === 1 && !d._deleted);
    expect(first).toBeDefined();

    // A makes the allergy severe (rev 2); B gets it live.
    await recordA.editFirst('allergy', { severity: 'severe' });
    await expect(allergyB).toContainText(SEVERE, { timeout: LIVE_TIMEOUT });

    // The server rolls B back to rev 1, then forges a deletion from it.
    const title = pageB.getByTestId('refused-changes').locator('summary');
    inject = first ?? null;
    await syncB.syncNow();
    await expect(title).toHaveText(refusedEn.title.replace('{{ count }}', '1'), { timeout: LIVE_TIMEOUT });
    inject = first ? { ...first, rev: 3, _deleted: true } : null;
    await syncB.syncNow();
    await expect(title).toHaveText(refusedEn.title.replace('{{ count }}', '2'), { timeout: LIVE_TIMEOUT });
    inject = null;

    await recordB.gotoTimeline();
    await expect(allergyB).toContainText(SEVERE);
    await title.click();
    const list = pageB.getByTestId('refused-changes').getByRole('listitem');
    await expect(list).toHaveCount(2);
    await expect(list.nth(0)).toContainText('forged');
    await expect(list.nth(1)).toContainText('rollback');
    await pageB.screenshot({ path: testInfo.outputPath('hostile-server-refused-en.png'), fullPage: true });
  } finally {
    await contextB.close();
  }
});
