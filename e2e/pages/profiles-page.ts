import { expect, type Locator, type Page } from '@playwright/test';
import { followMainLink } from '../support/main-nav.ts';

export interface NewProfile {
  name: string;
  relationship?: 'self' | 'child' | 'partner' | 'parent' | 'other';
  dateOfBirth?: string;
}

const RELATIONSHIP_LABEL: Record<NonNullable<NewProfile['relationship']>, string> = {
  self: 'Me',
  child: 'Child',
  partner: 'Partner',
  parent: 'Parent',
  other: 'Other',
};

/** Family profiles: the first-profile form on `/`, the /profiles page and the header switcher. */
export class ProfilesPage {
  readonly switcher: Locator;

  constructor(private readonly page: Page) {
    this.switcher = page.getByLabel('Profile', { exact: true });
  }

  private async fill(form: Locator, profile: NewProfile): Promise<void> {
    await form.getByLabel('Name').fill(profile.name);
    await form
      .getByLabel('Relationship')
      .selectOption({ label: RELATIONSHIP_LABEL[profile.relationship ?? 'self'] });
    await form.getByLabel('Date of birth').fill(profile.dateOfBirth ?? '1984-03-12');
  }

  /** Fills the "Create your first profile" form shown on `/` right after the vault is created. */
  async createFirst(profile: NewProfile): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Create your first profile' })).toBeVisible();
    const form = this.page.locator('form.profile-form');
    await this.fill(form, profile);
    await form.getByRole('button', { name: 'Create profile' }).click();
    await expect(this.switcher).toBeVisible();
  }

  async goto(): Promise<void> {
    await followMainLink(this.page, 'Profiles');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Family profiles' })).toBeVisible();
  }

  /** Opens the add form; returns false if the page refused with the limit message instead. */
  async openAddForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add a profile' }).click();
    return this.page.getByRole('region', { name: 'Add a profile' });
  }

  async add(profile: NewProfile): Promise<void> {
    const region = await this.openAddForm();
    await this.fill(region, profile);
    await region.getByRole('button', { name: 'Create profile' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: profile.name })).toBeVisible();
  }

  async switchTo(name: string): Promise<void> {
    await this.switcher.selectOption({ label: name });
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    await this.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name })).toHaveCount(0);
  }
}
