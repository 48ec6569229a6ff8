import { expect, type Locator, type Page } from '@playwright/test';

type LanguageName = 'English' | 'Français';

/** The app shell: brand, page heading, language switch and the main landmark. */
export class ShellPage {
  readonly heading: Locator;
  readonly brand: Locator;
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.brand = page.locator('.brand__name');
    this.main = page.getByRole('main');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  languageButton(name: LanguageName): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The `lang` attribute of the document element. */
  async documentLanguage(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Reaches the language button with Tab only, as a keyboard user would, and presses it. */
  async chooseLanguageWithKeyboard(name: LanguageName, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    const button = this.languageButton(name);
    await this.tabTo(button);
    await this.page.keyboard.press(key);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  private async tabTo(target: Locator, maxTabs = 20): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) return;
    }
    throw new Error(`not reachable with ${maxTabs} presses of Tab`);
  }
}
