import { expect, type Page, test } from '@playwright/test';
import { DocumentsPage } from './pages/documents-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { navigateInApp } from './support/navigate.ts';

const LANGUAGES = [
  { button: 'English', lang: 'en' },
  { button: 'Français', lang: 'fr' },
] as const;

async function setLanguage(page: Page, language: (typeof LANGUAGES)[number]): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: language.button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
}

async function audit(page: Page, label: string): Promise<string[]> {
  // Let the route render (and lazy chunks load) before auditing.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const violations = await seriousViolations(page);
  return violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`,
  );
}

test('axe finds no serious or critical violation on any route, in English and in French', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  const problems: string[] = [];

  // Before any vault: welcome and creation.
  await vault.gotoHome();
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await navigateInApp(page, '/');
    problems.push(...(await audit(page, `${language.lang} /`)));
    await navigateInApp(page, '/create');
    problems.push(...(await audit(page, `${language.lang} /create`)));
    await navigateInApp(page, '/restore');
    problems.push(...(await audit(page, `${language.lang} /restore (no vault)`)));
    for (const doc of ['terms', 'privacy', 'notice']) {
      await navigateInApp(page, `/legal/${doc}`);
      problems.push(...(await audit(page, `${language.lang} /legal/${doc}`)));
    }
  }
  await setLanguage(page, LANGUAGES[0]);
  await navigateInApp(page, '/');

  // An unlocked vault with something on every screen.
  await vault.createVault('orchard-glacier-thimble-2049');
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });
  const records = new RecordPage(page);
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Hives' });
  await records.addBloodPressure({ systolic: 128, diastolic: 82, at: '2026-11-20T08:30' });
  await records.addBloodPressure({ systolic: 135, diastolic: 85, at: '2026-11-21T08:30' });
  const documents = new DocumentsPage(page);
  await documents.goto();
  await documents.upload({
    name: 'ordonnance.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Amoxicilline'),
  });

  const unlockedRoutes = [
    '/',
    '/profiles',
    '/record',
    '/record/allergy',
    '/record/allergy/new',
    '/record/measurement/new',
    '/record/medication/new',
    '/record/medication',
    '/measurements',
    '/exercise',
    '/reminders',
    '/conflicts/cc-AAAAAAAAAAAA-resolved',
    '/documents',
    '/settings',
    '/recovery-key',
    '/devices',
    '/history',
    '/backup',
    '/exchange',
    '/restore',
    '/close-account',
    '/emergency',
    '/scan',
    '/consult',
    '/waiting-room',
    '/shares',
    '/practitioner',
    '/messages',
    '/messages/AAAAAAAAAAAAAAAAAAAAAA',
    '/notifications',
    '/appointments',
    '/appointments/book',
    '/appointments/availability',
    '/billing',
    '/second-opinion',
    '/second-opinion/new',
    '/second-opinion/AAAAAAAAAAAAAAAAAAAAAA',
  ];
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    for (const route of unlockedRoutes) {
      await navigateInApp(page, route);
      problems.push(...(await audit(page, `${language.lang} ${route}`)));
    }
  }

  // Locked: the unlock screen and recovery.
  await setLanguage(page, LANGUAGES[0]);
  await vault.lock();
  for (const language of LANGUAGES) {
    await setLanguage(page, language);
    await navigateInApp(page, '/');
    problems.push(...(await audit(page, `${language.lang} / (locked)`)));
    await navigateInApp(page, '/recover');
    problems.push(...(await audit(page, `${language.lang} /recover`)));
  }

  expect(problems).toEqual([]);
});
