/** Page object for practitioner access: the patient's /shares, the practitioner's /practitioner and /s. */
import { expect, type Locator, type Page } from '@playwright/test';
import { recordEn } from '../../web/src/features/record/strings.ts';
import { sharesEn } from '../../web/src/features/shares/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

export interface NewShare {
  sections: (keyof typeof recordEn.kindTitles)[];
  mode: 'read' | 'read-add';
  expiry?: '1h' | '24h' | '7d' | '30d';
  passcode?: string;
  typedCode?: boolean;
  /** Closed by its first opening (read only). */
  singleUse?: boolean;
  /** Titles of the profile's documents to include. */
  documents?: string[];
}

export class SharePage {
  readonly s = sharesEn;
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  // ---- Patient ----

  async gotoShares(): Promise<void> {
    await followMainLink(this.page, this.s.nav);
    await expect(this.main.getByRole('heading', { level: 1, name: this.s.page.title })).toBeVisible();
  }

  /** Creates a share and returns its link (and typed code, if asked for). */
  async create(share: NewShare): Promise<{ link: string; code: string | null; id: string }> {
    await this.gotoShares();
    const form = this.main.getByRole('form', { name: this.s.page.createTitle });
    const before = await this.main.locator('.share-item').count();
    for (const [kind, title] of Object.entries(recordEn.kindTitles)) {
      const box = form.getByRole('checkbox', { name: title, exact: true });
      if ((await box.count()) === 0) continue;
      await box.setChecked(share.sections.includes(kind as keyof typeof recordEn.kindTitles));
    }
    await form
      .getByRole('radio', { name: share.mode === 'read' ? this.s.page.modeRead : this.s.page.modeReadAdd })
      .check();
    await form.getByLabel(this.s.page.expiry).selectOption(share.expiry ?? '24h');
    await form.getByLabel(this.s.page.passcode).fill(share.passcode ?? '');
    await form.getByRole('checkbox', { name: this.s.page.typedCode }).setChecked(share.typedCode ?? false);
    if (share.singleUse !== undefined) {
      await form
        .getByRole('checkbox', { name: this.s.page.singleUse, exact: true })
        .setChecked(share.singleUse);
    }
    for (const title of share.documents ?? []) {
      await form.getByRole('checkbox', { name: new RegExp(`^${title} \\(`) }).check();
    }
    await form.getByRole('button', { name: this.s.page.create }).click();
    await expect(this.main.getByRole('status').filter({ hasText: this.s.page.created })).toBeVisible({
      timeout: 30_000,
    });
    await expect(this.main.locator('.share-item')).toHaveCount(before + 1);
    const item = this.main.locator('.share-item').first();
    const link = await item.getByLabel(this.s.page.link).inputValue();
    const code = share.typedCode ? await item.locator('.share-code').textContent() : null;
    const id = (await item.getAttribute('data-share-id')) ?? '';
    return { link, code, id };
  }

  item(id: string): Locator {
    return this.main.locator(`.share-item[data-share-id="${id}"]`);
  }

  async revoke(id: string): Promise<void> {
    await this.gotoShares();
    await this.item(id).getByRole('button', { name: this.s.page.revoke }).click();
    // Revoking cannot be undone: it asks first.
    await expect(this.item(id).getByText(this.s.page.revokeConfirm)).toBeFocused();
    await this.item(id).getByRole('button', { name: this.s.page.revokeYes }).click();
    await expect(this.item(id).locator('.share-state')).toHaveText(this.s.page.state.revoked);
  }

  async log(id: string): Promise<string[]> {
    await this.gotoShares();
    await this.item(id).getByRole('button', { name: this.s.page.showLog }).click();
    // Wait for the log's first line: a paragraph of the card is visible before the log has loaded.
    await expect(this.item(id).locator('.share-log li').first()).toBeVisible();
    return this.item(id).locator('.share-log li').allTextContents();
  }

  // ---- Practitioner ----

  async saveProfile(profile: {
    name: string;
    profession: string;
    professionalId: string;
    city: string;
  }): Promise<void> {
    // In-app navigation: a page load would lock the vault.
    await this.gotoShares();
    await this.main.getByRole('link', { name: this.s.page.practitionerLink }).click();
    const form = this.main.getByRole('form', { name: this.s.practitioner.profileTitle });
    await form.getByLabel(this.s.practitioner.name, { exact: true }).fill(profile.name);
    await form.getByLabel(this.s.practitioner.profession, { exact: true }).fill(profile.profession);
    await form.getByLabel(this.s.practitioner.professionalId, { exact: true }).fill(profile.professionalId);
    await form.getByLabel(this.s.practitioner.city, { exact: true }).fill(profile.city);
    await form.getByRole('button', { name: this.s.practitioner.save }).click();
    await expect(form.getByRole('status')).toHaveText(this.s.practitioner.saved);
  }

  /** From anywhere in the app: /practitioner, type the code, land on /s. */
  async openByCode(code: string): Promise<void> {
    await this.gotoShares();
    await this.main.getByRole('link', { name: this.s.page.practitionerLink }).click();
    const form = this.main.getByRole('form', { name: this.s.practitioner.codeTitle });
    await form.getByLabel(this.s.practitioner.code).fill(code.toLowerCase());
    await form.getByRole('button', { name: this.s.practitioner.openCode }).click();
    // The passcode form, or, for a share without a passcode, the shared record opened at once.
    const opening = this.main.getByRole('form', { name: this.s.open.title });
    const opened = this.main.getByRole('region', { name: this.s.open.title });
    await expect(opening.or(opened).first()).toBeVisible({ timeout: 15_000 });
  }

  /** The practitioner home's list of shares opened, as text lines. */
  async receivedShares(): Promise<string[]> {
    await this.gotoShares();
    await this.main.getByRole('link', { name: this.s.page.practitionerLink }).click();
    const list = this.main
      .getByRole('heading', { name: this.s.practitioner.received })
      .locator('xpath=following-sibling::ul[1]');
    await expect(list).toBeVisible();
    return list.getByRole('listitem').allTextContents();
  }

  /**
   * On /s (already unlocked): types the passcode and opens. A share without a passcode opens by
   * itself, with no passcode field: nothing to do then but let the caller check what it shows.
   */
  async open(passcode = ''): Promise<void> {
    const form = this.main.getByRole('form', { name: this.s.open.title });
    if (passcode === '') {
      await expect(form.getByLabel(this.s.open.passcode)).toHaveCount(0);
      return;
    }
    await form.getByLabel(this.s.open.passcode).fill(passcode);
    await form.getByRole('button', { name: this.s.open.submit }).click();
  }

  get alert(): Locator {
    return this.main.getByRole('alert');
  }

  /** The practitioner's list of the documents a share carries. */
  get files(): Locator {
    return this.main.getByRole('region', { name: this.s.open.files });
  }

  section(kind: keyof typeof recordEn.kindTitles): Locator {
    return this.main.getByRole('region', { name: recordEn.kindTitles[kind] });
  }

  async addPrescription(
    title: string,
    items: { medication: string; dosage: string; duration: string }[],
  ): Promise<void> {
    const form = this.main.getByRole('form', { name: this.s.entry.title });
    await form.getByLabel(this.s.entry.type).selectOption('prescription');
    await form.getByLabel(this.s.entry.titleField).fill(title);
    for (const [index, item] of items.entries()) {
      if (index > 0) await form.getByRole('button', { name: this.s.entry.addItem }).click();
      await form.getByLabel(`${this.s.entry.medication} ${index + 1}`).fill(item.medication);
      await form.getByLabel(`${this.s.entry.dosage} ${index + 1}`).fill(item.dosage);
      await form.getByLabel(`${this.s.entry.duration} ${index + 1}`).fill(item.duration);
    }
    await form.getByRole('button', { name: this.s.entry.submit }).click();
    await expect(this.main.getByRole('status').filter({ hasText: this.s.entry.sent })).toBeVisible();
  }

  /** Signs an exercise programme with a plan; the start date is left at the form's default (today). */
  async addExerciseProgramme(
    title: string,
    plan: { endDate?: string; sessionsPerWeek: number },
    exercises: { name: string; sets?: number; reps?: number; frequency?: string }[],
  ): Promise<void> {
    const form = this.main.getByRole('form', { name: this.s.entry.title });
    await form.getByLabel(this.s.entry.type).selectOption('exercise-programme');
    await form.getByLabel(this.s.entry.titleField).fill(title);
    if (plan.endDate) await form.getByLabel(this.s.entry.endDate).fill(plan.endDate);
    await form.getByLabel(this.s.entry.sessionsPerWeek).fill(String(plan.sessionsPerWeek));
    for (const [index, ex] of exercises.entries()) {
      if (index > 0) await form.getByRole('button', { name: this.s.entry.addExercise }).click();
      const n = index + 1;
      await form.getByLabel(`${this.s.entry.exercise} ${n}`, { exact: true }).fill(ex.name);
      if (ex.frequency) await form.getByLabel(`${this.s.entry.frequency} ${n}`).fill(ex.frequency);
      if (ex.sets) await form.getByLabel(`${this.s.entry.sets} ${n}`).fill(String(ex.sets));
      if (ex.reps) await form.getByLabel(`${this.s.entry.reps} ${n}`).fill(String(ex.reps));
    }
    await form.getByRole('button', { name: this.s.entry.submit }).click();
    await expect(this.main.getByRole('status').filter({ hasText: this.s.entry.sent })).toBeVisible();
  }

  async addNote(
    title: string,
    body: string,
    file?: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    const form = this.main.getByRole('form', { name: this.s.entry.title });
    await form.getByLabel(this.s.entry.type).selectOption('note');
    await form.getByLabel(this.s.entry.titleField).fill(title);
    await form.getByLabel(this.s.entry.body, { exact: true }).fill(body);
    if (file) await form.getByLabel(this.s.entry.file).setInputFiles(file);
    await form.getByRole('button', { name: this.s.entry.submit }).click();
    await expect(this.main.getByRole('status').filter({ hasText: this.s.entry.sent })).toBeVisible();
  }
}
