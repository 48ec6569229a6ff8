import type { Page } from '@playwright/test';

/**
 * Follows a link of the app's main navigation. On a phone the header folds the navigation into its
 * Menu button, so the menu is opened first when the link is not on screen.
 */
export async function followMainLink(page: Page, name: string | RegExp): Promise<void> {
  const link = page.getByRole('navigation', { name: /^(main|principale)$/i }).getByRole('link', { name });
  if (!(await link.isVisible())) {
    const menu = page.getByRole('button', { name: /^menu$/i });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await link.click();
}

/** Switches the app's language from the header; on a phone through its Menu, closed again after. */
export async function chooseLanguage(page: Page, name: 'English' | 'Français'): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name, exact: true });
  let opened = false;
  if (!(await button.isVisible())) {
    const menu = page.getByRole('button', { name: /^menu$/i });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') {
      await menu.click();
      opened = true;
    }
  }
  await button.click();
  if (opened) await page.keyboard.press('Escape');
}
