/**
 * The checks every practitioner request on a share goes through, in this order: the share exists,
 * is not revoked (410 `share-revoked`; a single-use share already opened: `share-used`), has not expired (410 `share-expired`), is not locked (423
 * `share-locked`), and the access token matches (its SHA-256 compared in constant time with the
 * stored hash). Each attempt is reserved before the comparison and given back when right, so only
 * wrong tokens stay counted (and logged); the share locks at the limit, parallel requests included.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { SHARE_MAX_FAILURES } from '../../../shared/protocol/shares.ts';
import { hashToken } from '../auth/tokens.ts';
import { ApiError } from '../http/errors.ts';
import type { ProofPath, ShareRecord, ShareStore } from '../store/share-store.ts';

export function shareState(share: ShareRecord, now: number): 'active' | 'expired' | 'revoked' | 'locked' {
  if (share.revokedAt !== null) return 'revoked';
  if (share.expiresAt <= now) return 'expired';
  if (share.lockedAt !== null) return 'locked';
  return 'active';
}

export function usedShare(): ApiError {
  return new ApiError(410, 'share-used', 'This single-use share was already opened');
}

export function notFoundShare(): ApiError {
  return new ApiError(404, 'not-found', 'No such share');
}

/**
 * Throws the refusal for a share that cannot be used now through `path`, whoever asks. The link
 * and the typed code lock apart: someone who only knows the 6-character lookup id can lock the
 * code path, never the link a practitioner already holds.
 */
export function requireUsable(share: ShareRecord | null, now: number, path: ProofPath = 'link'): ShareRecord {
  if (!share) throw notFoundShare();
  const state = shareState(share, now);
  if (share.usedAt !== null) throw usedShare();
  if (state === 'revoked') throw new ApiError(410, 'share-revoked', 'This share was revoked by the patient');
  if (state === 'expired') throw new ApiError(410, 'share-expired', 'This share has expired');
  if (path === 'link' ? state === 'locked' : share.codeLockedAt !== null) throw locked();
  return share;
}

export function sameHash(a: string, b: string): boolean {
  const x = fromBase64(a);
  const y = fromBase64(b);
  return x.length === y.length && sodium().memcmp(x, y);
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly profession: string;
  /** The signing public key the account published in its keyring. */
  readonly signPk: string;
}

function locked(): ApiError {
  return new ApiError(423, 'share-locked', 'This share is locked after too many failed attempts');
}

/**
 * Checks the proof. The attempt is reserved atomically BEFORE comparing, so parallel wrong proofs
 * cannot exceed the limit; a correct proof gives its attempt back. A wrong one stays counted, is
 * logged, and is refused (423 once the share locks).
 */
export async function requireProof(
  store: ShareStore,
  share: ShareRecord,
  proofHash: string,
  presented: string,
  actor: Actor,
  now: number,
  path: ProofPath = 'link',
): Promise<void> {
  if (!(await store.reserveShareAttempt(share.id, now, SHARE_MAX_FAILURES, path))) throw locked();
  if (sameHash(hashToken(presented), proofHash)) {
    await store.releaseShareAttempt(share.id, path);
    return;
  }
  await logRefused(store, share, actor, now);
  const after = await store.getShare(share.id);
  if ((path === 'link' ? after?.lockedAt : after?.codeLockedAt) != null) throw locked();
  throw new ApiError(403, 'forbidden', 'Wrong passcode or code');
}

/**
 * A typed code: lookup ids are not unique (creating a share never tells whether one is in use), so
 * the proof picks the share among those with the lookup id. An attempt is reserved on each usable
 * one before comparing (the parallel bound holds for each); a match gives every reservation back.
 */
export async function requireCodeProof(
  store: ShareStore,
  candidates: readonly ShareRecord[],
  presented: string,
  actor: Actor,
  now: number,
): Promise<ShareRecord> {
  const withCode = candidates.filter((s) => s.codeProofHash !== null && s.wrappedKeyJson !== null);
  const usable = withCode.filter((s) => shareState(s, now) !== 'revoked' && shareState(s, now) !== 'expired');
  const open = usable.filter((s) => s.codeLockedAt === null);
  // Nothing left to try: the refusal of the newest one (404 when there is none at all).
  if (open.length === 0) throw requireUsableError(withCode[0] ?? null, now);
  const reserved: ShareRecord[] = [];
  for (const share of open) {
    if (await store.reserveShareAttempt(share.id, now, SHARE_MAX_FAILURES, 'code')) reserved.push(share);
  }
  if (reserved.length === 0) throw locked();
  const hash = hashToken(presented);
  const match = reserved.find((s) => sameHash(hash, s.codeProofHash ?? ''));
  if (match) {
    for (const share of reserved) await store.releaseShareAttempt(share.id, 'code');
    return match;
  }
  for (const share of reserved) await logRefused(store, share, actor, now);
  const after = await Promise.all(reserved.map((s) => store.getShare(s.id)));
  if (after.every((s) => s?.codeLockedAt != null)) throw locked();
  throw new ApiError(403, 'forbidden', 'Wrong passcode or code');
}

function requireUsableError(share: ShareRecord | null, now: number): ApiError {
  try {
    requireUsable(share, now, 'code');
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  return locked();
}

async function logRefused(store: ShareStore, share: ShareRecord, actor: Actor, now: number): Promise<void> {
  await store.addShareLog({
    shareId: share.id,
    at: now,
    action: 'refused',
    actorId: actor.id,
    actor: actor.name,
    profession: actor.profession,
    sections: [],
  });
}
