import { expect, test } from '@playwright/test';
import { DocumentsPage } from './pages/documents-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { dumpBrowserStorage } from './support/storage-dump.ts';

// Unique strings that can only come from what the user typed.
const MARK = `Zq${Date.now().toString(36)}`;
const markers = {
  profile: `${MARK}Profilename`,
  allergy: `${MARK}Allergen`,
  reaction: `${MARK}Reaction`,
  medication: `${MARK}Medication`,
  note: `${MARK}Notebody`,
  document: `${MARK}Filecontent`,
  passphrase: `${MARK}-passphrase-orchard-glacier`,
};

test('no plaintext health data, passphrase or key in IndexedDB, localStorage or Cache Storage', async ({
  page,
}) => {
  const vault = new VaultPage(page);
  const profiles = new ProfilesPage(page);
  const records = new RecordPage(page);
  const documents = new DocumentsPage(page);

  await vault.gotoHome();
  const recoveryKey = await vault.createVault(markers.passphrase);
  await profiles.createFirst({ name: markers.profile });
  await records.addAllergy({ substance: markers.allergy, severity: 'severe', reaction: markers.reaction });
  await records.addMedication({
    name: markers.medication,
    dose: '5 mg',
    frequency: 'once a day',
    start: '2026-01-10',
  });
  await records.addNote('Suivi', markers.note);
  await documents.goto();
  await documents.upload({
    name: 'note.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${markers.document}\n`),
  });
  await records.gotoTimeline();
  await records.expectInTimeline(markers.allergy);

  const dump = await dumpBrowserStorage(page);
  // The dump is real: it holds the encrypted envelopes (many rows), so an empty dump cannot pass.
  expect(dump).toMatch(/records[^:\n]*: \d+ rows/);
  expect(dump.length).toBeGreaterThan(2_000);
  for (const [what, marker] of Object.entries(markers)) {
    expect(dump.includes(marker), `${what} marker found in storage`).toBe(false);
  }
  const compactKey = recoveryKey.replace(/[-\s]/g, '');
  expect(dump.includes(compactKey) || dump.includes(recoveryKey), 'recovery key found in storage').toBe(
    false,
  );
});
