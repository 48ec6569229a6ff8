import { expect, type Locator, type Page } from '@playwright/test';
import { legalEn, legalFr } from '../../web/src/features/legal/strings.ts';
import { vaultEn, vaultFr } from '../../web/src/features/vault/strings.ts';
import { TERMS_VERSION } from '../../web/src/vault/terms-acceptance.ts';
import { followMainLink } from '../support/main-nav.ts';

export type VaultLanguage = 'en' | 'fr';
export type CreateStep = 'passphrase' | 'key' | 'confirm';

/** Key derivation (Argon2id, 64 MiB, 3 passes) takes up to a few seconds on a slow machine. */
const KDF_TIMEOUT = 30_000;

/** Fills `{{ name }}` placeholders the way the app's i18n does. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/**
 * The vault screens: welcome, create (passphrase → recovery key → confirm two groups), unlock,
 * recover, lock, change passphrase. Selectors are roles and labels, taken from the feature's own
 * strings in the chosen language, so the same journey runs in English and in French.
 */
export class VaultPage {
  private readonly s: typeof vaultEn;
  private readonly legal: typeof legalEn;
  readonly heading: Locator;
  readonly unlockHeading: Locator;
  readonly unlockField: Locator;
  readonly unlockButton: Locator;
  readonly lockButton: Locator;
  /** On a phone the header folds Lock and the links into this menu. */
  readonly menuButton: Locator;
  readonly alert: Locator;

  constructor(
    private readonly page: Page,
    language: VaultLanguage = 'en',
  ) {
    this.s = language === 'fr' ? vaultFr : vaultEn;
    this.legal = language === 'fr' ? legalFr : legalEn;
    this.heading = page.getByRole('heading', { level: 1 });
    this.unlockHeading = page.getByRole('heading', { level: 1, name: this.s.unlock.title });
    this.unlockField = page.getByLabel(this.s.passphrase.label, { exact: true });
    this.unlockButton = page.getByRole('button', { name: this.s.unlock.submit, exact: true });
    this.lockButton = page.getByRole('button', { name: /^(lock|verrouiller)$/i });
    this.menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    this.alert = page.getByRole('alert');
  }

  /** The strings the page is using, for assertions in specs. */
  get strings(): typeof vaultEn {
    return this.s;
  }

  async gotoHome(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  // ---- Create ----

  /** Opens /create: through the welcome page's link when it is on screen, else by URL. */
  async openCreate(): Promise<void> {
    const title = this.page.getByRole('heading', { level: 1, name: this.s.create.title });
    if (await title.isVisible()) return;
    await expect(this.heading).toBeVisible();
    const link = this.page.getByRole('link', { name: this.s.welcome.create });
    if (await link.isVisible()) await link.click();
    else await this.page.goto('/create');
    await expect(title).toBeVisible();
  }

  get createForm(): {
    passphrase: Locator;
    confirmation: Locator;
    acknowledge: Locator;
    terms: Locator;
    adult: Locator;
    submit: Locator;
  } {
    return {
      passphrase: this.page.getByLabel(this.s.passphrase.label, { exact: true }),
      confirmation: this.page.getByLabel(this.s.passphrase.confirmLabel, { exact: true }),
      acknowledge: this.page.getByLabel(this.s.create.acknowledge, { exact: true }),
      terms: this.termsBox,
      adult: this.adultBox,
      submit: this.page.getByRole('button', { name: this.s.create.submit, exact: true }),
    };
  }

  /** The terms-of-use box (with its version) and the 18+ box, at creation or when asked again. */
  get termsBox(): Locator {
    return this.page.getByLabel(fill(this.legal.consent.terms, { version: TERMS_VERSION }), { exact: true });
  }

  get adultBox(): Locator {
    return this.page.getByLabel(this.legal.consent.adult, { exact: true });
  }

  /**
   * Step 1 only: fills the form and submits it (it may be refused). `acknowledge` ticks the warning,
   * the terms of use and the 18+ declaration.
   */
  async submitPassphrase(passphrase: string, confirmation = passphrase, acknowledge = true): Promise<void> {
    await this.openCreate();
    const form = this.createForm;
    await form.passphrase.fill(passphrase);
    await form.confirmation.fill(confirmation);
    if (acknowledge) {
      await form.acknowledge.check();
      await form.terms.check();
      await form.adult.check();
    }
    await form.submit.click();
  }

  /** The terms asked again after an unlock (a new version, a vault from before them): accepts them. */
  async acceptTermsAgain(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /terms|conditions/i })).toBeVisible();
    await this.termsBox.check();
    await this.adultBox.check();
    await this.page.getByRole('button', { name: this.legal.gate.submit, exact: true }).click();
    await expect(this.termsBox).toBeHidden();
  }

  /**
   * The whole wizard: passphrase, recovery key, the two groups typed back. Returns the recovery key
   * as shown (groups joined by dashes). Ends on `/`, unlocked. `onStep` runs as each step appears.
   */
  async createVault(passphrase: string, onStep?: (step: CreateStep) => Promise<void>): Promise<string> {
    await this.openCreate();
    await onStep?.('passphrase');
    await this.submitPassphrase(passphrase);

    await expect(this.page.getByRole('heading', { level: 2, name: this.s.recoveryKey.title })).toBeVisible({
      timeout: KDF_TIMEOUT,
    });
    const groups = await this.page
      .getByRole('list', { name: this.s.recoveryKey.keyLabel })
      .getByRole('listitem')
      .allTextContents();
    expect(groups).toHaveLength(14);
    await onStep?.('key');
    await this.page.getByRole('button', { name: this.s.recoveryKey.continue }).click();

    await expect(this.page.getByRole('heading', { level: 2, name: this.s.confirmKey.title })).toBeVisible();
    await onStep?.('confirm');
    for (const [index, group] of groups.entries()) {
      const field = this.groupField(index + 1);
      if ((await field.count()) > 0) await field.fill(group.toLowerCase());
    }
    await this.page.getByRole('button', { name: this.s.confirmKey.submit, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.create.title })).toBeHidden();
    await expect(this.lockButton.or(this.menuButton).filter({ visible: true }).first()).toBeVisible();
    return groups.map((group) => group.trim()).join('-');
  }

  groupField(number: number): Locator {
    return this.page.getByLabel(fill(this.s.confirmKey.groupLabel, { number }), { exact: true });
  }

  // ---- Unlock and lock ----

  /** Types the passphrase and submits; waits until it is accepted or refused. */
  async unlock(passphrase: string): Promise<void> {
    await expect(this.unlockHeading).toBeVisible();
    await this.unlockField.fill(passphrase);
    await this.unlockButton.click();
    await expect
      .poll(async () => (await this.alert.isVisible()) || !(await this.unlockHeading.isVisible()), {
        timeout: KDF_TIMEOUT,
      })
      .toBe(true);
  }

  /** The wrong-passphrase message is shown as an alert, and focus is back on the field. */
  async expectUnlockError(): Promise<void> {
    await expect(this.unlockHeading).toBeVisible();
    await expect(this.alert).toBeVisible();
    await expect(this.unlockField).toHaveAttribute('aria-invalid', 'true');
    await expect(this.unlockField).toBeFocused();
  }

  async expectUnlocked(): Promise<void> {
    await expect(this.unlockHeading).toBeHidden();
    await expect(this.lockButton.or(this.menuButton).filter({ visible: true }).first()).toBeVisible();
  }

  async lock(): Promise<void> {
    if (!(await this.lockButton.isVisible())) await this.menuButton.click();
    await this.lockButton.click();
    await expect(this.unlockHeading).toBeVisible();
  }

  // ---- Recover ----

  /** From the unlock screen, follows "Forgot your passphrase?". */
  async openRecover(): Promise<void> {
    const title = this.page.getByRole('heading', { level: 1, name: this.s.recover.title });
    if (await title.isVisible()) return;
    await this.page.getByRole('link', { name: this.s.unlock.forgot }).click();
    await expect(title).toBeVisible();
  }

  get recoverForm(): { key: Locator; passphrase: Locator; confirmation: Locator; submit: Locator } {
    return {
      key: this.page.getByLabel(this.s.recover.keyLabel, { exact: true }),
      passphrase: this.page.getByLabel(this.s.passphrase.newLabel, { exact: true }),
      confirmation: this.page.getByLabel(this.s.passphrase.confirmLabel, { exact: true }),
      submit: this.page.getByRole('button', { name: this.s.recover.submit, exact: true }),
    };
  }

  /** Fills and submits the recovery form (it may be refused). */
  async submitRecovery(recoveryKey: string, newPassphrase: string): Promise<void> {
    await this.openRecover();
    const form = this.recoverForm;
    await form.key.fill(recoveryKey);
    await form.passphrase.fill(newPassphrase);
    await form.confirmation.fill(newPassphrase);
    await form.submit.click();
  }

  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    await this.submitRecovery(recoveryKey, newPassphrase);
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.recover.title })).toBeHidden({
      timeout: KDF_TIMEOUT,
    });
    await this.expectUnlocked();
  }

  // ---- Change passphrase (rendered by the settings page) ----

  changeForm(): Locator {
    return this.page.getByRole('form', { name: this.s.change.title });
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await followMainLink(this.page, /^(settings|réglages)$/i);
    const form = this.changeForm();
    await form.getByLabel(this.s.passphrase.currentLabel, { exact: true }).fill(current);
    await form.getByLabel(this.s.passphrase.newLabel, { exact: true }).fill(next);
    await form.getByLabel(this.s.passphrase.confirmLabel, { exact: true }).fill(next);
    await form.getByRole('button', { name: this.s.change.submit, exact: true }).click();
    await expect(form.getByRole('status').filter({ hasText: this.s.change.done })).toBeVisible({
      timeout: KDF_TIMEOUT,
    });
  }
}
