import { expect, type Locator, type Page } from '@playwright/test';
import { historyEn } from '../../web/src/features/history/strings.ts';
import { settingsEn } from '../../web/src/features/settings/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

/**
 * The devices and access-history screens, reached from Settings (a `page.goto` would reload, and a
 * reload locks the vault).
 */
export class DevicesPage {
  readonly s = historyEn;
  readonly list: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.list = page.getByTestId('devices');
    this.history = page.getByTestId('history');
  }

  private async fromSettings(link: string, title: string): Promise<void> {
    await followMainLink(this.page, /^(Settings|Réglages)$/);
    const section = this.page.getByRole('region', {
      name: /^(Devices and access history|Appareils et historique des accès)$/,
    });
    await section.getByRole('link', { name: link, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async gotoDevices(): Promise<void> {
    await this.fromSettings(this.s.devices.title, this.s.devices.title);
    expect(settingsEn.accessTitle).toBe('Devices and access history');
  }

  async gotoHistory(): Promise<void> {
    await this.fromSettings(this.s.page.title, this.s.page.title);
  }

  /** The device names listed, this device's first marked with " (this device)". */
  async deviceNames(): Promise<string[]> {
    const items = this.list.getByRole('listitem');
    const names: string[] = [];
    for (const item of await items.all()) {
      const name = (await item.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
      const current = (await item.getAttribute('data-current')) === 'true';
      names.push(current ? `${name} (this device)` : name);
    }
    return names;
  }

  /** The history lines as shown (time, then the sentence). */
  async historyLines(): Promise<string[]> {
    return (await this.history.getByRole('listitem').locator('span').allTextContents()).map((s) => s.trim());
  }
}
