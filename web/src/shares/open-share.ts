/**
 * The practitioner's side of a share: opening its snapshot with the access token (decrypted and
 * checked on this device, older versions than one already shown refused as a rollback) and turning
 * a typed code into a share key (Argon2id here, then the server releases the wrapped key against a
 * proof; shared/crypto/share-code.ts).
 */
import {
  codeProof,
  deriveCodeKey,
  parseShareCode,
  unwrapShareKeyWithCode,
} from '../../../shared/crypto/share-code.ts';
import { openSnapshot, shareAccessToken } from '../../../shared/crypto/share-key.ts';
import type { EntryVerdict } from '../records/entry-verdict.ts';
import type { Server } from '../server/server.ts';
import { checkStoredEntry } from './entry-payload.ts';
import type { PendingShare } from './pending-share.ts';
import { ShareProblem } from './share-problem.ts';
import { parseSnapshot, type Snapshot } from './snapshot.ts';
import type { SnapshotVersions } from './snapshot-versions.ts';

export interface OpenedSnapshot {
  readonly expiresAt: number;
  readonly snapshot: Snapshot;
  /** Practitioner entries of the snapshot, by record id, verified once here (not while rendering). */
  readonly verdicts: ReadonlyMap<string, EntryVerdict>;
  /** This opening was a single-use share's only one: it is closed now, there is nothing to poll. */
  readonly singleUse: boolean;
}

export async function openShareSnapshot(
  server: Server,
  versions: SnapshotVersions,
  share: PendingShare,
  passcode: string,
  refresh: boolean,
): Promise<OpenedSnapshot> {
  const answer = await server.shares.open(share.shareId, shareAccessToken(share.shareKey, passcode), refresh);
  let snapshot: Snapshot | null;
  try {
    snapshot = parseSnapshot(
      openSnapshot(share.shareKey, share.shareId, answer.snapshot.version, answer.snapshot),
    );
  } catch {
    snapshot = null;
  }
  // An older snapshot than one already shown here is a rollback by the server: refused.
  if (!snapshot || !versions.accept(share.shareId, answer.snapshot.version)) {
    throw new ShareProblem('tampered');
  }
  const verdicts = new Map<string, EntryVerdict>();
  for (const row of snapshot.records) {
    if (row.record.kind === 'practitioner-entry') verdicts.set(row.id, checkStoredEntry(row.record));
  }
  return { expiresAt: answer.expiresAt, snapshot, verdicts, singleUse: answer.singleUse === true };
}

/** Whether `text` is a well-formed typed code (checked before any Argon2id or request). */
export function isShareCode(text: string): boolean {
  return parseShareCode(text) !== null;
}

export async function redeemShareCode(server: Server, text: string): Promise<PendingShare> {
  const parsed = parseShareCode(text);
  if (!parsed) throw new ShareProblem('bad-link');
  const codeKey = deriveCodeKey(parsed);
  const answer = await server.shares.redeemCode(parsed.lookupId, codeProof(codeKey));
  return {
    shareId: answer.shareId,
    shareKey: unwrapShareKeyWithCode(answer.wrappedKey, codeKey, parsed.lookupId),
    noPasscode: !answer.hasPasscode,
  };
}
