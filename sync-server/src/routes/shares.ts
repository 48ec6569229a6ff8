/**
 * `/api/shares`: practitioner access by shared code (docs/architecture.md §8; messages in shared/protocol/shares.ts).
 *
 * Owner (the patient's account, Bearer): create, list, revoke, replace the snapshot, read the log,
 * fetch and acknowledge pending entries. Practitioner (Bearer of an account with a practitioner
 * profile, plus the share's access token): open (read the snapshot), redeem a typed code, write
 * entries (read + add shares only). Every opening, write and refused attempt is logged per share.
 * The server holds ciphertext and public metadata only; the share key never reaches it.
 */

import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import {
  codeLookupRequestSchema,
  createShareRequestSchema,
  ENTRY_MAX,
  type OpenShareResponse,
  openShareRequestSchema,
  postEntryRequestSchema,
  SHARE_EXPIRIES,
  SHARE_MAX_PENDING,
  type ShareSummary,
  SNAPSHOT_MAX,
  sealedSnapshotSchema,
  shareIdSchema,
} from '../../../shared/protocol/shares.ts';
import { SlidingWindowLimiter } from '../auth/rate-limit.ts';
import { hashToken } from '../auth/tokens.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { requireSession } from '../http/session-auth.ts';
import type { ShareRecord } from '../store/share-store.ts';
import type { ApiDeps } from './deps.ts';
import { describe } from './practitioners.ts';
import {
  type Actor,
  notFoundShare,
  requireCodeProof,
  requireProof,
  requireUsable,
  shareState,
  usedShare,
} from './share-access.ts';
import { shareFileRoutes } from './share-files.ts';

/**
 * Typed-code redemptions per client address and per practitioner account (the account is known
 * here, and an address may be shared by many people behind one proxy or carrier NAT): with the
 * per-share lock, online guessing goes nowhere.
 */
const CODE_LIMIT = { limit: 10, windowMs: 60_000 };
/**
 * Share creation per owner account: a patient shares with a few practitioners, not with hundreds.
 * Each share holds up to 4 MiB of snapshot ciphertext, so both the pace and the number of live
 * shares are bounded (ended ones lose their ciphertext to the purge).
 */
export const SHARES_PER_HOUR = 20;
export const MAX_ACTIVE_SHARES = 30;

/** Openings and writes per client address and per account: spraying proofs across shares is bounded too. */
const PROOF_LIMIT = { limit: 60, windowMs: 60_000 };

function summary(share: ShareRecord, now: number): ShareSummary {
  return {
    id: share.id,
    mode: share.mode,
    sections: share.sections as ShareSummary['sections'],
    state: shareState(share, now),
    createdAt: share.createdAt,
    expiresAt: share.expiresAt,
    hasPasscode: share.hasPasscode,
    lookupId: share.lookupId,
    version: share.snapshotVersion,
    // The typed code locks apart from the link (`state` says `locked` for the link only).
    codeLocked: share.codeLockedAt !== null,
    // Owner-only (this summary only ever goes to the owner): their vault key alone opens it.
    ownerSecret: share.ownerSecretJson ? JSON.parse(share.ownerSecretJson) : null,
    ...(share.singleUse ? { singleUse: true, usedAt: share.usedAt } : {}),
  };
}

export function shareRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const pair = (rule: { limit: number; windowMs: number }) => ({
    ip: new SlidingWindowLimiter(rule.limit, rule.windowMs),
    account: new SlidingWindowLimiter(rule.limit, rule.windowMs),
  });
  const codeLimiter = pair(CODE_LIMIT);
  const creations = new SlidingWindowLimiter(SHARES_PER_HOUR, 3_600_000);
  const proofLimiter = pair(PROOF_LIMIT);

  function limit(c: Context, limiter: ReturnType<typeof pair>, accountId: string): void {
    let limited = limiter.ip.take(deps.clientIp(c), now());
    if (limited.ok) limited = limiter.account.take(accountId, now());
    if (!limited.ok) {
      const seconds = Math.ceil(limited.retryAfterMs / 1000);
      throw new ApiError(429, 'rate-limited', `Too many attempts: try again in ${seconds} s`, {
        'Retry-After': String(seconds),
      });
    }
  }

  function shareId(c: Context): string {
    const parsed = shareIdSchema.safeParse(c.req.param('id'));
    if (!parsed.success) throw notFoundShare();
    return parsed.data;
  }

  async function owned(c: Context, accountId: string): Promise<ShareRecord> {
    const share = await store.getShare(shareId(c));
    // Another account's share is "not found": one owner cannot learn that another's id exists.
    if (!share || share.ownerId !== accountId) throw notFoundShare();
    return share;
  }

  async function actor(accountId: string): Promise<Actor> {
    const found = await describe(store, accountId);
    if (!found) throw new ApiError(403, 'forbidden', 'Only a practitioner account can open a share');
    const { name, profession } = found.profile;
    return { id: accountId, name, profession, signPk: found.signPublicKey };
  }

  return new Hono()
    .use(requireSession(store, now))
    .route('/:id/files', shareFileRoutes(deps))
    .get('/', async (c) => {
      const shares = await store.listShares(c.get('session').accountId);
      const at = now();
      return c.json({ shares: shares.map((s) => summary(s, at)) });
    })
    .post('/', jsonBody(createShareRequestSchema, SNAPSHOT_MAX + 64 * KIB), async (c) => {
      const body = c.get('body');
      const at = now();
      const { accountId } = c.get('session');
      if ((await store.countActiveShares(accountId, at)) >= MAX_ACTIVE_SHARES) {
        throw new ApiError(
          409,
          'share-limit',
          `An account can have at most ${MAX_ACTIVE_SHARES} active shares: revoke one first`,
          {},
          { limit: MAX_ACTIVE_SHARES },
        );
      }
      const paced = creations.take(accountId, at);
      if (!paced.ok) {
        const seconds = Math.ceil(paced.retryAfterMs / 1000);
        throw new ApiError(
          429,
          'share-limit',
          `At most ${SHARES_PER_HOUR} shares an hour: try again in ${seconds} s`,
          { 'Retry-After': String(seconds) },
          { limit: SHARES_PER_HOUR },
        );
      }
      const outcome = await store.createShare({
        id: body.id,
        ownerId: accountId,
        mode: body.mode,
        sections: body.sections,
        createdAt: at,
        expiresAt: at + SHARE_EXPIRIES[body.expiry],
        tokenHash: hashToken(body.accessToken),
        hasPasscode: body.hasPasscode,
        lookupId: body.code?.lookupId ?? null,
        codeProofHash: body.code ? hashToken(body.code.proof) : null,
        wrappedKeyJson: body.code ? JSON.stringify(body.code.wrappedKey) : null,
        ownerSecretJson: body.ownerSecret ? JSON.stringify(body.ownerSecret) : null,
        snapshot: body.snapshot,
        singleUse: body.singleUse === true,
      });
      // Share ids are 128 random bits drawn by the device: a clash is a retry of this very request.
      if (outcome === 'id-taken') throw new ApiError(409, 'conflict', 'This share id is taken');
      const created = await store.getShare(body.id);
      if (!created) throw notFoundShare();
      return c.json(summary(created, at), 201);
    })
    .post('/code/:lookupId', jsonBody(codeLookupRequestSchema), async (c) => {
      limit(c, codeLimiter, c.get('session').accountId);
      const who = await actor(c.get('session').accountId);
      const at = now();
      const candidates = await store.findSharesByLookup(c.req.param('lookupId'));
      const share = await requireCodeProof(store, candidates, c.get('body').proof, who, at);
      return c.json({
        shareId: share.id,
        wrappedKey: JSON.parse(share.wrappedKeyJson ?? 'null'),
        hasPasscode: share.hasPasscode,
      });
    })
    .post('/:id/open', jsonBody(openShareRequestSchema), async (c) => {
      limit(c, proofLimiter, c.get('session').accountId);
      const who = await actor(c.get('session').accountId);
      const at = now();
      const share = requireUsable(await store.getShare(shareId(c)), at);
      const { accessToken, refresh } = c.get('body');
      await requireProof(store, share, share.tokenHash, accessToken, who, at);
      const snapshot = await store.getSnapshot(share.id);
      if (!snapshot) throw notFoundShare();
      // A single-use share serves one opening: the first to spend it; a parallel one is refused.
      if (share.singleUse && !(await store.useShare(share.id, at))) throw usedShare();
      // A first opening is always logged, whatever the client says; a poll only when it served
      // this practitioner a snapshot version they had not been served yet.
      const last = (await store.listShareLog(share.id))
        .filter((e) => (e.action === 'open' || e.action === 'refresh') && e.actorId === who.id)
        .at(-1);
      const action = !refresh || !last ? 'open' : last.version !== snapshot.version ? 'refresh' : null;
      if (action) {
        await store.addShareLog({
          shareId: share.id,
          at,
          action,
          actorId: who.id,
          actor: who.name,
          profession: who.profession,
          sections: share.sections,
          version: snapshot.version,
        });
      }
      return c.json<OpenShareResponse>({
        id: share.id,
        mode: share.mode,
        sections: share.sections as OpenShareResponse['sections'],
        expiresAt: share.expiresAt,
        snapshot,
        ...(share.singleUse ? { singleUse: true } : {}),
      });
    })
    .post('/:id/entries', jsonBody(postEntryRequestSchema, ENTRY_MAX + 4 * KIB), async (c) => {
      limit(c, proofLimiter, c.get('session').accountId);
      const who = await actor(c.get('session').accountId);
      const at = now();
      const share = requireUsable(await store.getShare(shareId(c)), at);
      const { accessToken, sealed } = c.get('body');
      await requireProof(store, share, share.tokenHash, accessToken, who, at);
      if (share.mode !== 'read-add') {
        throw new ApiError(403, 'share-read-only', 'This share does not allow adding entries');
      }
      const id = randomBytes(16).toString('base64url');
      // The server names the poster (account, published key, profile name) next to the sealed entry:
      // the patient's device checks the signed author against it.
      const added = await store.addPendingEntry(
        {
          id,
          shareId: share.id,
          sealed,
          createdAt: at,
          authorId: who.id,
          authorName: who.name,
          authorSignPk: who.signPk,
        },
        SHARE_MAX_PENDING,
      );
      if (!added) {
        throw new ApiError(
          429,
          'rate-limited',
          `This share already holds ${SHARE_MAX_PENDING} entries the patient has not received yet`,
        );
      }
      await store.addShareLog({
        shareId: share.id,
        at,
        action: 'write',
        actorId: who.id,
        actor: who.name,
        profession: who.profession,
        sections: ['practitioner-entry'],
      });
      return c.json({ id }, 201);
    })
    .get('/:id/entries', async (c) => {
      const share = await owned(c, c.get('session').accountId);
      const entries = await store.listPendingEntries(share.id);
      return c.json({
        entries: entries.map((e) => ({
          id: e.id,
          sealed: e.sealed,
          createdAt: e.createdAt,
          author: { accountId: e.authorId, name: e.authorName, signPk: e.authorSignPk },
        })),
      });
    })
    .delete('/:id/entries/:entryId', async (c) => {
      const share = await owned(c, c.get('session').accountId);
      await store.deletePendingEntry(share.id, c.req.param('entryId'));
      return c.body(null, 204);
    })
    .put('/:id/snapshot', jsonBody(sealedSnapshotSchema, SNAPSHOT_MAX + 4 * KIB), async (c) => {
      const share = await owned(c, c.get('session').accountId);
      // An ended share has no reader: its ciphertext is purged, and a new one is not taken in.
      const state = shareState(share, now());
      if (state === 'revoked') throw new ApiError(410, 'share-revoked', 'This share was revoked');
      if (state === 'expired') throw new ApiError(410, 'share-expired', 'This share has expired');
      if (!(await store.putSnapshot(share.id, share.ownerId, c.get('body')))) {
        throw new ApiError(409, 'conflict', 'A snapshot of this version or newer is already stored');
      }
      return c.body(null, 204);
    })
    .post('/:id/revoke', async (c) => {
      const share = await owned(c, c.get('session').accountId);
      await store.revokeShare(share.id, share.ownerId, now());
      return c.body(null, 204);
    })
    .get('/:id/log', async (c) => {
      const share = await owned(c, c.get('session').accountId);
      const log = await store.listShareLog(share.id);
      return c.json({
        entries: log.map(({ at, action, actor: name, profession, sections }) => ({
          at,
          action,
          actor: name,
          profession,
          sections,
        })),
      });
    });
}
