import { expect, type Locator, type Page } from '@playwright/test';
import { syncEn } from '../../web/src/features/sync/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

/** Key derivation (Argon2id) plus a round trip to the server; slow machines need the margin. */
const SIGN_IN_TIMEOUT = 60_000;

/**
 * Sync in English: the settings section (turn on, sync now, turn off), the sign-in page reached
 * from the welcome page, and the status badge in the header. The settings page is reached through
 * the main navigation: `page.goto` reloads, and a reload locks the vault by design.
 */
export class SyncPage {
  readonly s = syncEn;
  /** The badge's live region (its text: "Offline", "Syncing 3/10", "Synced at 2:32 PM"…). */
  readonly badge: Locator;
  readonly section: Locator;

  constructor(private readonly page: Page) {
    this.badge = page.locator('.sync-badge').getByRole('status');
    this.section = page.getByRole('region', { name: this.s.settings.title });
  }

  async gotoSettings(): Promise<void> {
    await followMainLink(this.page, 'Settings');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(this.section).toBeVisible();
  }

  /** Settings → "Sync between devices": email, the passphrase again, "Turn on sync". */
  async turnOnSync(email: string, passphrase: string): Promise<void> {
    await this.gotoSettings();
    const section = this.section;
    await section.getByLabel(this.s.settings.emailLabel, { exact: true }).fill(email);
    await section.getByLabel(this.s.settings.passphraseLabel, { exact: true }).fill(passphrase);
    await section.getByRole('button', { name: this.s.settings.submit, exact: true }).click();
    await expect(section.getByText(email, { exact: true })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
    await expect(this.badge).toBeVisible();
  }

  /** From the welcome page of a device without a vault: "Sign in on this device", then unlocked on `/`. */
  async signIn(email: string, passphrase: string): Promise<void> {
    const title = this.page.getByRole('heading', { level: 1, name: this.s.signIn.title });
    if (!(await title.isVisible())) {
      await this.page.goto('/');
      await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
      await this.page.getByRole('link', { name: /sign in|se connecter|connectez-vous/i }).click();
    }
    await expect(title).toBeVisible();
    await this.page.getByLabel(this.s.signIn.emailLabel, { exact: true }).fill(email);
    await this.page.getByLabel(this.s.signIn.passphraseLabel, { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: this.s.signIn.submit, exact: true }).click();
    await expect(title).toBeHidden({ timeout: SIGN_IN_TIMEOUT });
    await expect(this.page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  }

  /** The badge's text right now. */
  async status(): Promise<string> {
    return (await this.badge.textContent())?.trim() ?? '';
  }

  /** Waits until the badge says "Synced at …". */
  async expectSynced(timeout = 30_000): Promise<void> {
    await expect(this.badge).toHaveText(/^Synced at /, { timeout });
  }

  /** Settings → "Sync now". */
  async syncNow(): Promise<void> {
    await this.gotoSettings();
    await this.section.getByRole('button', { name: this.s.settings.syncNow, exact: true }).click();
  }

  /** Settings → "Turn off sync on this device", confirmed. */
  async turnOff(): Promise<void> {
    await this.gotoSettings();
    await this.section.getByRole('button', { name: this.s.settings.turnOff, exact: true }).click();
    await this.section.getByRole('button', { name: this.s.settings.confirmYes, exact: true }).click();
    await expect(
      this.section.getByRole('button', { name: this.s.settings.submit, exact: true }),
    ).toBeVisible();
    await expect(this.badge).toHaveCount(0);
  }
}
