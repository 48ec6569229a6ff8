/**
 * Importing one pending practitioner entry on the patient's device (docs/architecture.md §8.3).
 * Nothing is stored unless it opens with the identity key, is validly signed, names this share and
 * profile, carries this share's tag (which only holders of the share key can compute: not the
 * server), and its signed author is the one the server names (same published signing key, same
 * profile name). The server-named author (account, key fingerprint, and whether that account's
 * pinned key changed) is written inside the encrypted record, where the server cannot alter it.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { openEntry, signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import { sameEntryTag, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import type { PendingEntries } from '../../../shared/protocol/shares.ts';
import { pinnedKey } from './author-pins.ts';
import { verifiedPayload } from './entry-payload.ts';
import type { ShareSecret } from './shares-state.ts';
import type { SharingDeps } from './sharing-deps.ts';

export type PendingEntry = Pick<PendingEntries['entries'][number], 'sealed' | 'author'>;

export async function importEntry(
  deps: Pick<SharingDeps, 'keys' | 'records'>,
  share: Pick<ShareSecret, 'id' | 'profileId' | 'key'>,
  pending: PendingEntry,
): Promise<boolean> {
  const { box } = deps.keys.identity;
  let signed: ReturnType<typeof openEntry>;
  let payload: ReturnType<typeof verifiedPayload>;
  try {
    signed = openEntry(pending.sealed, box.publicKey, box.secretKey);
    payload = verifiedPayload(signed);
  } catch {
    return false;
  }
  if (!payload || payload.shareId !== share.id || payload.profileId !== share.profileId) return false;
  const tag = shareEntryTag(fromBase64(share.key), share.id, payload.id, share.profileId);
  if (!sameEntryTag(payload.tag, tag)) return false;
  if (payload.author.signPk !== pending.author.signPk || payload.author.name !== pending.author.name) {
    return false;
  }
  const keyFingerprint = signKeyFingerprint(signed.signPk);
  if (!keyFingerprint) return false;
  const pinned = pinnedKey(deps.records.records(), pending.author.accountId);
  const received = {
    accountId: pending.author.accountId,
    keyFingerprint,
    keyChanged: pinned !== null && pinned !== keyFingerprint,
  };
  await deps.records.importEntry(
    share.profileId,
    { ...payload.entry, signature: signed, received },
    payload.id,
  );
  return true;
}
