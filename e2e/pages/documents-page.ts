import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { followMainLink } from '../support/main-nav.ts';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface UploadDetails {
  title?: string;
  category?: 'Prescription' | 'Report' | 'Image' | 'Lab result' | 'Imaging' | 'Letter' | 'Other';
  date?: string;
  note?: string;
}

/** `/documents`: the upload form, the list of documents and each one's actions. */
export class DocumentsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly fileInput: Locator;
  readonly submit: Locator;
  readonly uploadStatus: Locator;
  readonly fileError: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Documents' });
    this.form = page.locator('section[aria-labelledby="document-upload-title"]');
    const form = this.form;
    this.fileInput = form.getByLabel('File', { exact: true });
    this.submit = form.getByRole('button', { name: 'Encrypt and save' });
    this.uploadStatus = form.getByRole('status');
    this.fileError = form.locator('#document-file-error');
    // By class, not by the heading's text, so the list is found in every language.
    this.list = page.locator('ul.documents__list');
  }

  /** Through the main navigation: a page load would lock the vault. */
  async goto(): Promise<void> {
    await followMainLink(this.page, 'Documents');
    await expect(this.heading).toBeVisible();
  }

  /** Chooses a file, fills the form, saves, and waits until the document is listed. */
  async upload(file: UploadFile, details: UploadDetails = {}): Promise<Locator> {
    await this.fileInput.setInputFiles(file);
    const form = this.form;
    const title = form.getByLabel('Title');
    await expect(title).toHaveValue(file.name);
    if (details.title) await title.fill(details.title);
    if (details.category) await form.getByLabel('Category').selectOption({ label: details.category });
    if (details.date) await form.getByLabel('Date of the document').fill(details.date);
    if (details.note) await form.getByLabel('Note (optional)').fill(details.note);
    await this.submit.click();
    const shownTitle = details.title ?? file.name;
    await expect(this.uploadStatus).toHaveText(`“${shownTitle}” is saved.`, { timeout: 60_000 });
    const item = this.item(shownTitle);
    await expect(item).toBeVisible();
    return item;
  }

  item(title: string): Locator {
    return this.list.getByRole('listitem', { name: title, exact: true });
  }

  /** Clicks Download and returns the saved file's name and bytes. */
  async download(title: string): Promise<{ fileName: string; bytes: Buffer }> {
    const downloadStarted = this.page.waitForEvent('download');
    await this.item(title)
      .getByRole('button', { name: /^Download/ })
      .click();
    const download = await downloadStarted;
    const path = await download.path();
    return { fileName: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async openPreview(title: string): Promise<Locator> {
    const item = this.item(title);
    await item.getByRole('button', { name: /^Preview/ }).click();
    await expect(item.getByRole('button', { name: /^Close preview/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    return item.locator('.document__preview');
  }

  async delete(title: string): Promise<void> {
    const item = this.item(title);
    await item.getByRole('button', { name: /^Delete/ }).click();
    await item.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(item).toHaveCount(0);
  }
}
