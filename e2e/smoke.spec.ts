import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell-page.ts';
import { externalRequests, watchPage } from './support/page-watch.ts';

test('the shell loads, switches to French by keyboard and remembers it', async ({ page }) => {
  const watch = await watchPage(page);
  const shell = new ShellPage(page);

  await shell.goto();
  await expect(shell.brand).toHaveText('Carnet');
  await expect(shell.heading).toHaveText('Welcome to Carnet');
  await expect(shell.main).toBeVisible();
  expect(await shell.documentLanguage()).toBe('en');
  await expect(shell.languageButton('English')).toHaveAttribute('aria-pressed', 'true');

  await shell.chooseLanguageWithKeyboard('Français', 'Space');
  await expect(shell.heading).toHaveText('Bienvenue dans Carnet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(shell.languageButton('English')).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(shell.heading).toHaveText('Bienvenue dans Carnet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await shell.chooseLanguageWithKeyboard('English', 'Enter');
  await expect(shell.heading).toHaveText('Welcome to Carnet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Soft, so one run reports every kind of problem at once.
  expect.soft(watch.errors, 'console errors').toEqual([]);
  expect.soft(watch.cspViolations, 'CSP violations').toEqual([]);
  expect.soft(watch.requests.length, 'requests seen').toBeGreaterThan(0);
  expect.soft(externalRequests(watch), 'requests off 127.0.0.1').toEqual([]);
});

test('the server sends the strict CSP with the page', async ({ request }) => {
  const response = await request.get('/', { headers: { Accept: 'text/html' } });
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
});
