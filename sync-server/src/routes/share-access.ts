/**
 * The checks every practitioner request on a share goes through, in this order: the share exists,
 * is not revoked (410 `share-revoked`), has not expired (410 `share-expired`), is not locked (423
 * `share-locked`), and the access token matches (its SHA-256 compared in constant time with the
 * stored hash). Each attempt is reserved before the comparison and given back when right, so only
 * wrong tokens stay counted (and logged); the share locks at the limit, parallel requests included.
 */
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { SHARE_MAX_FAILURES } from '../../../shared/protocol/shares.ts';
import { hashToken } from '../auth/tokens.ts';
import { ApiError } from '../http/errors.ts';
import type { ShareRecord, ShareStore } from '../store/share-store.ts';

export function shareState(share: ShareRecord, now: number): 'active' | 'expired' | 'revoked' | 'locked' {
  if (share.revokedAt !== null) return 'revoked';
  if (share.expiresAt <= now) return 'expired';
  if (share.lockedAt !== null) return 'locked';
  return 'active';
}

export function notFoundShare(): ApiError {
  return new ApiError(404, 'not-found', 'No such share');
}

/** Throws the refusal for a share that cannot be used now, whoever asks. */
export function requireUsable(share: ShareRecord | null, now: number): ShareRecord {
  if (!share) throw notFoundShare();
  const state = shareState(share, now);
  if (state === 'revoked') throw new ApiError(410, 'share-revoked', 'This share was revoked by the patient');
  if (state === 'expired') throw new ApiError(410, 'share-expired', 'This share has expired');
  if (state === 'locked') throw locked();
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
): Promise<void> {
  if (!(await store.reserveShareAttempt(share.id, now, SHARE_MAX_FAILURES))) throw locked();
  if (sameHash(hashToken(presented), proofHash)) {
    await store.releaseShareAttempt(share.id);
    return;
  }
  await store.addShareLog({
    shareId: share.id,
    at: now,
    action: 'refused',
    actorId: actor.id,
    actor: actor.name,
    profession: actor.profession,
    sections: [],
  });
  if ((await store.getShare(share.id))?.lockedAt != null) throw locked();
  throw new ApiError(403, 'forbidden', 'Wrong passcode or code');
}
