/** Page object for notifications: /notifications (the list) and Settings → Notifications. */
import { expect, type Locator, type Page } from '@playwright/test';
import { notificationsEn } from '../../web/src/features/notifications/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

export class NotificationsPage {
  readonly main: Locator;

  constructor(
    private readonly page: Page,
    readonly s: typeof notificationsEn = notificationsEn,
  ) {
    this.main = page.getByRole('main');
  }

  /** The main navigation's link, with its unread count (folded in the Menu on a phone). */
  navLink(): Locator {
    return this.page
      .getByRole('navigation', { name: /^(main|principale)$/i, includeHidden: true })
      .getByRole('link', { name: this.s.nav, includeHidden: true });
  }

  /** In-app navigation (a page load would lock the vault). */
  async goto(): Promise<void> {
    await followMainLink(this.page, this.s.nav);
    await expect(this.main.getByRole('heading', { level: 1, name: this.s.page.title })).toBeVisible();
  }

  items(): Locator {
    return this.main.locator('.notice-item');
  }

  settings(): Locator {
    return this.main.getByRole('region', { name: this.s.settings.title });
  }
}
