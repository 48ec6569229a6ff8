/**
 * For tests of the sharing service through a real app store: the unlocked session's service, the
 * patient's public box key (in clear in the keyring: what practitioners seal entries to), and an
 * entry import as the agent does it.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { PendingEntry } from '../shares/entry-import.ts';
import type { ShareSecret } from '../shares/shares-state.ts';
import type { Sharing } from '../shares/sharing.ts';
import type { AppStore } from '../store/app-store.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { VaultService } from '../vault/vault-service.ts';

export function sharingOf(store: Pick<AppStore, 'sharing'>): Sharing {
  const sharing = store.sharing();
  if (!sharing) throw new Error('the vault is locked');
  return sharing;
}

export async function patientBoxKey(db: CarnetDatabase): Promise<Uint8Array> {
  const meta = await new VaultService({ db, kdf: inlineKdfRunner }).meta();
  if (!meta) throw new Error('no vault');
  return fromBase64(meta.keyring.identity.boxPublicKey);
}

export function importEntry(
  store: Pick<AppStore, 'sharing'>,
  share: Pick<ShareSecret, 'id' | 'profileId' | 'key'>,
  pending: PendingEntry,
): Promise<boolean> {
  return sharingOf(store).importEntry(share, pending);
}
