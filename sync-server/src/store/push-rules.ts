/**
 * What a push does to each row (docs/architecture.md §6.2), as pure functions both stores share.
 *
 * - No server copy: the row is written (even with an assumed state: the client's copy becomes the
 *   master rather than being lost, as in RxDB's reference handlers).
 * - The server copy already equals the new state (same rev, nonce, ciphertext…): a retried push
 *   whose first attempt committed. Nothing changes and it is not a conflict: pushes are idempotent.
 * - Otherwise the plaintext `rev` of the server copy must equal `assumedMasterState.rev`; the
 *   ciphertext is never compared (RxDB re-encrypts the assumed state). No assumed state while a
 *   server copy exists is a conflict too, and so is an attempt to move a document to another
 *   profile or kind: the AEAD binding would make it unreadable anyway.
 * - `updatedAt` is the server's clock; the client's value is ignored.
 */
import type { PushRow } from '../../../shared/protocol/replication.ts';
import { type Envelope, sameEnvelopeState } from '../../../shared/schema/envelope.ts';
import { MAX_PROFILES } from '../../../shared/schema/profile.ts';
import { ProfileLimitError, QuotaExceededError } from './errors.ts';

export type RowDecision = 'write' | 'conflict' | 'unchanged';

export function decideRow(master: Envelope | undefined, row: PushRow): RowDecision {
  const next = row.newDocumentState;
  if (!master) return 'write';
  if (sameEnvelopeState(master, next)) return 'unchanged';
  if (master.kind !== next.kind || master.profileId !== next.profileId) return 'conflict';
  const assumed = row.assumedMasterState;
  if (assumed === null || assumed.rev !== master.rev) return 'conflict';
  return 'write';
}

function isLiveProfile(envelope: Envelope | undefined): boolean {
  return envelope?.kind === 'profile' && !envelope._deleted;
}

export interface PushPlan {
  /** New states to store, `updatedAt` set to the server's time. */
  readonly writes: Envelope[];
  readonly conflicts: Envelope[];
  /** Change in the number of live (non-deleted) profiles if the writes are applied. */
  readonly profileDelta: number;
}

export function planPush(
  masters: ReadonlyMap<string, Envelope>,
  rows: readonly PushRow[],
  now: number,
): PushPlan {
  const writes: Envelope[] = [];
  const conflicts: Envelope[] = [];
  let profileDelta = 0;
  const seen = new Set<string>();
  for (const row of rows) {
    // The protocol refuses such a push (pushRequestSchema); a second write would have no defined order.
    if (seen.has(row.newDocumentState.id)) throw new Error('a push must not write one document twice');
    seen.add(row.newDocumentState.id);
    const master = masters.get(row.newDocumentState.id);
    const decision = decideRow(master, row);
    if (decision === 'conflict' && master) conflicts.push(master);
    if (decision !== 'write') continue;
    const next = { ...row.newDocumentState, updatedAt: now };
    profileDelta += Number(isLiveProfile(next)) - Number(isLiveProfile(master));
    writes.push(next);
  }
  return { writes, conflicts, profileDelta };
}

/**
 * Throws when the push adds profiles beyond the limit. A push that adds none is never refused, so
 * an account can always delete or edit its way back under the limit.
 */
export function checkProfileLimit(liveProfiles: number, profileDelta: number): void {
  if (profileDelta > 0 && liveProfiles + profileDelta > MAX_PROFILES) {
    throw new ProfileLimitError(liveProfiles + profileDelta);
  }
}

/** How many ciphertext bytes the writes add (negative when they shrink the account). */
export function storageDelta(masters: ReadonlyMap<string, Envelope>, writes: readonly Envelope[]): number {
  let delta = 0;
  for (const doc of writes) delta += doc.ciphertext.length - (masters.get(doc.id)?.ciphertext.length ?? 0);
  return delta;
}

/**
 * Throws when a push that grows the account would leave it above the quota. A push that does not
 * grow it is never refused, so an account over its quota (a lowered setting) can still edit,
 * delete and shrink its way back under it.
 */
export function checkQuota(usage: number, delta: number, quotaBytes: number | undefined): void {
  if (quotaBytes !== undefined && delta > 0 && usage + delta > quotaBytes) {
    throw new QuotaExceededError(usage, usage + delta, quotaBytes);
  }
}
