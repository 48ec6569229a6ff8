import { expect, test } from '@playwright/test';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';

test('six profiles per vault, the seventh refused; records stay in their profile', async ({ page }) => {
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  const records = new RecordPage(page);

  await vault.gotoHome();
  await vault.createVault('orchard-glacier-thimble-2049');
  await profiles.createFirst({ name: 'Camille Martin' });
  await records.addAllergy({ substance: 'Penicillin', severity: 'severe', reaction: 'Hives' });

  await profiles.goto();
  const family = ['Léo Martin', 'Inès Martin', 'Paul Martin', 'Jeanne Martin', 'Hugo Martin'];
  for (const [index, name] of family.entries()) {
    await profiles.add({ name, relationship: index < 2 ? 'child' : 'parent', dateOfBirth: '2012-06-01' });
  }
  await expect(page.getByText('6 of 6 profiles')).toBeVisible();

  // The seventh: the button is disabled at six, with the reason beside it; nothing is added.
  const addButton = page.getByRole('button', { name: 'Add a profile' });
  await expect(addButton).toBeDisabled();
  await expect(addButton).toHaveAccessibleDescription('You have 6 profiles, the most a vault can hold.');
  await expect(profiles.switcher.locator('option')).toHaveCount(6);

  // Records stay in their profile.
  await profiles.switchTo('Léo Martin');
  await records.addNote('Vaccins à jour', 'Carnet de santé vérifié');
  await records.gotoTimeline();
  await records.expectInTimeline('Vaccins à jour');
  await expect(page.getByText('Penicillin')).toHaveCount(0);

  await profiles.switchTo('Camille Martin');
  await records.gotoTimeline();
  await records.expectInTimeline('Penicillin');
  await expect(page.getByText('Vaccins à jour')).toHaveCount(0);

  // Deleting a profile deletes its records, and frees a place.
  await profiles.goto();
  await profiles.remove('Léo Martin');
  await expect(page.getByText('5 of 6 profiles')).toBeVisible();
  await expect(profiles.switcher.locator('option')).toHaveCount(5);
});
