/** Page object for messaging: /messages (conversations, directory) and /messages/:id (a thread). */
import { expect, type Locator, type Page } from '@playwright/test';
import { messagesEn } from '../../web/src/features/messages/strings.ts';
import { sharesEn } from '../../web/src/features/shares/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

export class MessagesPage {
  readonly main: Locator;

  constructor(
    private readonly page: Page,
    readonly s: typeof messagesEn = messagesEn,
  ) {
    this.main = page.getByRole('main');
  }

  /** In-app navigation (a page load would lock the vault). */
  async goto(): Promise<void> {
    await followMainLink(this.page, this.s.nav);
    await expect(this.main.getByRole('heading', { level: 1, name: this.s.page.title })).toBeVisible();
  }

  /** The practitioner's profile, listed in the directory and accepting messages (languages by name). */
  async listAsPractitioner(profile: {
    name: string;
    profession: string;
    specialty: string;
    city: string;
    languages?: readonly string[];
  }) {
    const s = sharesEn;
    await followMainLink(this.page, s.nav);
    await this.main.getByRole('link', { name: s.page.practitionerLink }).click();
    const form = this.main.getByRole('form', { name: s.practitioner.profileTitle });
    await form.getByLabel(s.practitioner.name, { exact: true }).fill(profile.name);
    await form.getByLabel(s.practitioner.profession, { exact: true }).fill(profile.profession);
    await form.getByLabel(s.practitioner.specialty, { exact: true }).fill(profile.specialty);
    await form.getByLabel(s.practitioner.city, { exact: true }).fill(profile.city);
    const languages = form.getByRole('group', { name: s.practitioner.languages });
    for (const language of profile.languages ?? []) {
      await languages.getByRole('checkbox', { name: language, exact: true }).check();
    }
    await form.getByRole('checkbox', { name: s.practitioner.listed }).check();
    await form.getByRole('button', { name: s.practitioner.save }).click();
    await expect(form.getByRole('status')).toHaveText(s.practitioner.saved);
  }

  /**
   * Searches the directory by specialty (and a language, by its name on screen), by keyboard, and
   * writes to the practitioner named.
   */
  async writeTo(specialty: string, name: string, language?: string): Promise<void> {
    await this.goto();
    await expect(this.main.getByText(this.s.directory.notice)).toBeVisible();
    if (language !== undefined) {
      await this.main
        .getByLabel(this.s.directory.language, { exact: true })
        .selectOption({ label: language });
    }
    const field = this.main.getByLabel(this.s.directory.specialty, { exact: true });
    await field.fill(specialty);
    await field.press('Enter');
    await this.main
      .getByRole('button', { name: this.s.directory.writeTo.replace('{{ name }}', name) })
      .click();
    await expect(
      this.main.getByRole('heading', { level: 1, name: this.s.thread.title.replace('{{ name }}', name) }),
    ).toBeVisible();
  }

  get compose(): Locator {
    return this.main.getByLabel(this.s.thread.compose, { exact: true });
  }

  /** Types a message and sends it with Enter (Shift+Enter for each new line). */
  async send(lines: readonly string[]): Promise<void> {
    await this.compose.focus();
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.compose.press('Shift+Enter');
      await this.compose.pressSequentially(line);
    }
    await this.compose.press('Enter');
  }

  /** Messages written offline, kept on the device until the server takes them. */
  waiting(): Locator {
    return this.main.locator('.outbox-item');
  }

  field(label: string): Locator {
    return this.main.getByLabel(label, { exact: true });
  }

  /** Focuses a select and moves to the option labelled `label` with the arrow keys only. */
  async chooseByKeyboard(select: Locator, label: string): Promise<void> {
    await select.focus();
    const labels = await select.locator('option').allTextContents();
    const target = labels.indexOf(label);
    const current = labels.indexOf((await select.locator('option:checked').textContent()) ?? '');
    if (target < 0) throw new Error(`no option ${label} in ${labels.join(', ')}`);
    const key = target > current ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - current); i++) await select.press(key);
    await expect(select.locator('option:checked')).toHaveText(label);
  }

  /** A button inside the main area, focused and pressed with Enter. */
  async pressButton(name: string, within: Locator = this.main): Promise<void> {
    const button = within.getByRole('button', { name, exact: true });
    await button.focus();
    await button.press('Enter');
  }

  messages(): Locator {
    return this.main.locator('.message-item:not(.outbox-item)');
  }

  threadLink(name: string): Locator {
    return this.main.getByRole('link', { name: this.s.page.open.replace('{{ name }}', name) });
  }

  threadItem(name: string): Locator {
    const link = this.page.getByRole('link', { name: this.s.page.open.replace('{{ name }}', name) });
    return this.main.locator('.thread-item').filter({ has: link });
  }

  /** The nav link's text; on a phone through the header's Menu, opened and closed by keyboard. */
  async navText(): Promise<string> {
    const link = this.navLink();
    if (await link.isVisible()) return (await link.textContent()) ?? '';
    const menu = this.page.getByRole('button', { name: /^menu$/i });
    await menu.focus();
    await menu.press('Enter');
    await expect(link).toBeVisible();
    const text = (await link.textContent()) ?? '';
    await this.page.keyboard.press('Escape');
    return text;
  }

  navLink(): Locator {
    return this.page.getByRole('navigation', { name: /^(main|principale)$/i }).getByRole('link', {
      name: new RegExp(`^${this.s.nav}`),
    });
  }
}
