/**
 * Importing one pending practitioner entry on the patient's device (docs/architecture.md §8.3).
 * Nothing is stored unless it opens with the identity key, is validly signed, names this share and
 * profile, carries this share's tag (which only holders of the share key can compute: not the
 * server), and its signed author is the one the server names (same published signing key, same
 * profile name). The server-named author (account, key fingerprint, and whether that account's
 * pinned key changed) is written inside the encrypted record, where the server cannot alter it.
 * An attached file is fetched and checked against the signed SHA-256 first: when it matches it is
 * stored as a read-only document naming the entry; when it was altered (or withheld) the entry is
 * imported with its attachment marked `invalid`, and no document. A network failure imports
 * nothing: the entry stays on the server for the next pass.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { openEntry, signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import { sameEntryTag, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import type { PendingEntries } from '../../../shared/protocol/shares.ts';
import type { EntryAttachment } from '../../../shared/schema/practitioner-entry.ts';
import { isServerError } from '../server/server-error.ts';
import { pinnedKey } from './author-pins.ts';
import { verifiedPayload } from './entry-payload.ts';
import { downloadFile } from './share-files.ts';
import { ShareProblem } from './share-problem.ts';
import type { ShareSecret } from './shares-state.ts';
import type { SharingDeps } from './sharing-deps.ts';

export type PendingEntry = Pick<PendingEntries['entries'][number], 'sealed' | 'author'>;

export async function importEntry(
  deps: Pick<SharingDeps, 'keys' | 'records'> & Partial<Pick<SharingDeps, 'server'>>,
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
  const file = payload.entry.attachment;
  const attachment = file ? await importAttachment(deps, share, payload.id, payload, file) : undefined;
  const received = {
    accountId: pending.author.accountId,
    keyFingerprint,
    keyChanged: pinned !== null && pinned !== keyFingerprint,
    ...(attachment ? { attachment } : {}),
  };
  await deps.records.importEntry(
    share.profileId,
    { ...payload.entry, signature: signed, received },
    payload.id,
  );
  return true;
}

/** The document id of an entry's attached file: derived, so a second import finds it. */
export function attachmentDocumentId(entryId: string): string {
  return `${entryId.slice(0, 60)}-att`;
}

async function importAttachment(
  deps: Pick<SharingDeps, 'records'> & Partial<Pick<SharingDeps, 'server'>>,
  share: Pick<ShareSecret, 'id' | 'profileId' | 'key'>,
  entryId: string,
  payload: { entry: { title: string }; createdAt: string },
  file: EntryAttachment,
): Promise<'imported' | 'invalid'> {
  const api = deps.server?.()?.shares;
  if (!api) throw new ShareProblem('sync-off');
  const ref = {
    id: file.fileId,
    name: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    chunkCount: file.chunkCount,
  };
  let bytes: Uint8Array;
  try {
    bytes = await downloadFile(api, share.id, fromBase64(share.key), ref);
  } catch (error) {
    // Altered, or withheld by the server: the entry is kept, its file shown as invalid.
    if ((error instanceof ShareProblem && error.reason === 'tampered') || isServerError(error, 'not-found')) {
      return 'invalid';
    }
    throw error;
  }
  await deps.records.importDocument(share.profileId, {
    id: attachmentDocumentId(entryId),
    fromEntry: entryId,
    fileName: file.name,
    mediaType: file.mediaType,
    bytes,
    title: payload.entry.title,
    category: 'report',
    date: payload.createdAt.slice(0, 10),
  });
  // Imported: the server copy is no longer needed (a failure here only leaves it for the purge).
  await api.deleteFile(share.id, file.fileId).catch(() => undefined);
  return 'imported';
}
