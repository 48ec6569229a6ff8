import type { Page } from '@playwright/test';

/**
 * Client-side navigation, as a click on an in-app link would do. `page.goto` reloads the page,
 * which (by design) locks the vault: the unlocked session lives in memory only.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((target) => location.pathname === target, path);
}
