import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { emergencyEn } from '../../web/src/features/emergency/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

/** Decodes the QR code in a PNG (a screenshot or a rendered PDF page); undefined if none is found. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The emergency profile editor (`/emergency`), in English. */
export class EmergencyPage {
  readonly main: Locator;
  readonly linkQr: Locator;
  readonly textQr: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
    this.linkQr = page.getByTestId('emergency-link-qr');
    this.textQr = page.getByTestId('emergency-plain-qr');
  }

  async goto(): Promise<void> {
    await followMainLink(this.page, emergencyEn.navLink);
    await expect(this.page.getByRole('heading', { level: 1, name: emergencyEn.title })).toBeVisible();
  }

  section(name: keyof typeof emergencyEn.sections): Locator {
    return this.main.getByRole('group', { name: emergencyEn.sections[name], exact: true });
  }

  /** The "include" switch of the item whose text is `text`. */
  include(text: string): Locator {
    return this.main.getByRole('checkbox', { name: `Show “${text}”`, exact: true });
  }

  async addItem(
    section: 'conditions' | 'allergies' | 'medications' | 'devices',
    text: string,
  ): Promise<void> {
    const group = this.section(section);
    await group
      .getByRole('button', { name: `${emergencyEn.item.add}: ${emergencyEn.sections[section]}` })
      .click();
    await group.locator('input[type="text"]').last().fill(text);
  }

  async addContact(name: string, relationship: string, phone: string): Promise<void> {
    const group = this.section('contacts');
    await group.getByRole('button', { name: emergencyEn.item.addContact }).click();
    await group.getByLabel(emergencyEn.sections.contactName, { exact: true }).last().fill(name);
    await group
      .getByLabel(emergencyEn.sections.contactRelationship, { exact: true })
      .last()
      .fill(relationship);
    await group.getByLabel(emergencyEn.sections.contactPhone, { exact: true }).last().fill(phone);
  }

  async setDirective(text: string): Promise<void> {
    await this.main.getByLabel(emergencyEn.sections.directive, { exact: true }).fill(text);
  }

  async save(): Promise<void> {
    await this.main.getByRole('button', { name: emergencyEn.save }).click();
    await expect(this.page.getByRole('status').filter({ hasText: emergencyEn.saved })).toBeVisible();
  }

  /** Screenshots a QR code as shown in the app and decodes it, as a phone camera would. */
  async readQr(which: Locator): Promise<string> {
    await expect(which).toBeVisible();
    const text = decodeQrPng(await which.screenshot());
    if (text === undefined) throw new Error('no QR code found in the screenshot');
    return text;
  }

  async setLockScreen(on: boolean): Promise<void> {
    await this.main.getByRole('checkbox', { name: emergencyEn.lockScreen.label }).setChecked(on);
    await expect(
      this.page.getByText(on ? emergencyEn.lockScreen.on : emergencyEn.lockScreen.off, { exact: true }),
    ).toBeVisible();
  }
}
