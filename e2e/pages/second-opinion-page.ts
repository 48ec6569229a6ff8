/** Page object for second opinions: /second-opinion (requests, queue), /new (the form), /:id. */
import { expect, type Locator, type Page } from '@playwright/test';
import { secondOpinionEn } from '../../web/src/features/second-opinion/strings.ts';
import { sharesEn } from '../../web/src/features/shares/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

export class SecondOpinionPage {
  readonly main: Locator;

  constructor(
    private readonly page: Page,
    readonly s: typeof secondOpinionEn = secondOpinionEn,
  ) {
    this.main = page.getByRole('main');
  }

  /** In-app navigation (a page load would lock the vault); also how the lists are refreshed. */
  async goto(): Promise<void> {
    await followMainLink(this.page, this.s.nav);
    await expect(this.main.getByRole('heading', { level: 1, name: this.s.page.title })).toBeVisible();
    // Already on the list, the link does not load it again: ask for a fresh listing.
    await this.main.getByRole('button', { name: this.s.page.refresh }).click();
  }

  /** A referent doctor: listed, specialty given, accepting second-opinion requests. */
  async becomeReferent(profile: { name: string; specialty: string }): Promise<void> {
    const s = sharesEn;
    await followMainLink(this.page, s.nav);
    await this.main.getByRole('link', { name: s.page.practitionerLink }).click();
    const form = this.main.getByRole('form', { name: s.practitioner.profileTitle });
    await form.getByLabel(s.practitioner.name, { exact: true }).fill(profile.name);
    await form.getByLabel(s.practitioner.profession, { exact: true }).fill('Cardiologist');
    await form.getByLabel(s.practitioner.specialty, { exact: true }).fill(profile.specialty);
    await form.getByRole('checkbox', { name: s.practitioner.secondOpinions }).check();
    await form.getByRole('button', { name: s.practitioner.save }).click();
    await expect(form.getByRole('status')).toHaveText(s.practitioner.saved);
  }

  items(): Locator {
    return this.main.locator('.opinion-item');
  }

  /** Opens the first request of the list (requester) or of the queue (doctor). */
  async openFirst(): Promise<void> {
    await this.goto();
    await this.main
      .getByRole('link', { name: /^Open request/ })
      .first()
      .click();
    await expect(this.main.getByRole('heading', { level: 1 })).toContainText('Second opinion:');
  }

  file(name: string, text: string, mimeType = 'application/pdf') {
    return { name, mimeType, buffer: Buffer.from(text) };
  }
}
