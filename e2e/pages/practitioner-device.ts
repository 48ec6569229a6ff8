import type { Page } from '@playwright/test';
import { SharePage } from './share-page.ts';
import { SyncPage } from './sync-page.ts';
import { VaultPage } from './vault-page.ts';

/** A new vault on `page` with sync turned on under `email`: how a practitioner's device starts. */
export async function newSyncedVault(page: Page, email: string, passphrase: string): Promise<VaultPage> {
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(passphrase);
  const sync = new SyncPage(page);
  await sync.turnOnSync(email, passphrase);
  await sync.expectSynced();
  return vault;
}

/** A practitioner ready to open shares: a synced vault and a saved practitioner profile. */
export async function newPractitioner(
  page: Page,
  email: string,
  passphrase: string,
  profile: Parameters<SharePage['saveProfile']>[0],
): Promise<{ vault: VaultPage; doctor: SharePage }> {
  const vault = await newSyncedVault(page, email, passphrase);
  const doctor = new SharePage(page);
  await doctor.saveProfile(profile);
  return { vault, doctor };
}
