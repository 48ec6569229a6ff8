/**
 * `/api/opinions`: second-opinion requests (issue 18; what the server keeps and can read is in
 * shared/protocol/opinions.ts). Every route needs a session.
 *
 * Authorization, on the request's parties only:
 * - creating: any account, offering to accounts with a practitioner profile that accepts
 *   second-opinion requests (403 otherwise), `OPINIONS_PER_HOUR` an hour;
 * - listing: what the caller asked, was offered (with its own sealed summary while the offer
 *   stands) or accepted;
 * - accepting: a candidate whose offer stands; the first wins, the others get 409 `opinion-taken`;
 * - items: the requester and the accepting doctor only. Anyone else, a candidate who did not
 *   accept included, gets 404, the same as for a request that does not exist;
 * - a report: the accepting doctor only, once; closing: the requester only.
 */
import { Hono } from 'hono';
import {
  acceptOpinionRequestSchema,
  createOpinionRequestSchema,
  OPINION_CANDIDATES_MAX,
  OPINION_DUE_MS,
  OPINION_ITEM_MAX,
  OPINION_ITEMS_MAX,
  OPINION_SUMMARY_MAX,
  OPINIONS_PER_HOUR,
  type OpinionItem,
  type OpinionSummary,
  opinionIdSchema,
  postOpinionItemSchema,
} from '../../../shared/protocol/opinions.ts';
import { practitionerProfileSchema } from '../../../shared/protocol/shares.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, KIB } from '../http/json-body.ts';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { requireSession } from '../http/session-auth.ts';
import type { OpinionListing } from '../store/opinion-store.ts';
import type { Store } from '../store/store.ts';
import type { ApiDeps } from './deps.ts';
import { accountLimiter, identityOf } from './thread-access.ts';

const NO_KEYS = { boxPublicKey: 'A'.repeat(43), signPublicKey: 'A'.repeat(43) };

const notFound = () => new ApiError(404, 'not-found', 'No such request');

function idParam(raw: string | undefined): string {
  const parsed = opinionIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

async function acceptsOpinions(store: Store, accountId: string): Promise<boolean> {
  const json = await store.getPractitioner(accountId);
  if (!json) return false;
  const parsed = practitionerProfileSchema.safeParse(JSON.parse(json));
  return parsed.success && parsed.data.accepts?.secondOpinions === true;
}

type Keys = OpinionSummary['requesterKeys'];

async function keysOf(store: Store, accountId: string | null): Promise<Keys | null> {
  if (!accountId) return null;
  const identity = await identityOf(store, accountId);
  return identity ? { boxPublicKey: identity.boxPublicKey, signPublicKey: identity.signPublicKey } : null;
}

async function summaryFor(store: Store, o: OpinionListing, me: string): Promise<OpinionSummary> {
  const role = o.requesterId === me ? 'requester' : o.doctorId === me ? 'doctor' : 'candidate';
  const gone = role === 'candidate' && (o.state !== 'offered' || o.offer?.sealedSummary == null);
  return {
    id: o.id,
    role,
    requesterId: o.requesterId,
    state: gone ? 'gone' : o.state,
    createdAt: o.createdAt,
    candidates: o.candidates,
    sealedSummary: role === 'requester' ? null : (o.offer?.sealedSummary ?? null),
    requesterCopy: role === 'requester' ? o.requesterCopy : null,
    // An unknown key (the account is gone) reads as all zeros: nothing opens or verifies with it.
    requesterKeys: (await keysOf(store, o.requesterId)) ?? NO_KEYS,
    doctorKeys: role === 'candidate' ? null : await keysOf(store, o.doctorId),
    // A candidate who is not the doctor learns nothing of who took it.
    doctorId: role === 'candidate' ? null : o.doctorId,
    acceptedAt: role === 'candidate' ? null : o.acceptedAt,
    dueAt: role === 'candidate' ? null : o.dueAt,
    reportedAt: role === 'candidate' ? null : o.reportedAt,
    closedAt: role === 'candidate' ? null : o.closedAt,
    priceCents: role === 'candidate' ? null : o.priceCents,
    items: role === 'candidate' ? 0 : o.items,
  };
}

/** The request, if the caller is its requester or its accepting doctor; 404 for anyone else. */
async function partyOf(store: Store, id: string, me: string) {
  const opinion = await store.getOpinion(id);
  if (!opinion) throw notFound();
  if (opinion.requesterId === me) return { opinion, role: 'requester' as const };
  if (opinion.doctorId === me && opinion.state !== 'offered') return { opinion, role: 'doctor' as const };
  throw notFound();
}

export function opinionRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const createLimit = accountLimiter(OPINIONS_PER_HOUR, 3_600_000);
  const offersBody = (OPINION_SUMMARY_MAX + 200) * OPINION_CANDIDATES_MAX + 4 * KIB;
  const itemBody = 2 * OPINION_ITEM_MAX + 4 * KIB;

  return new Hono()
    .use(requireSession(store, now))
    .get('/', async (c) => {
      const me = c.get('session').accountId;
      const listed = await store.listOpinions(me);
      const opinions: OpinionSummary[] = [];
      for (const o of listed) opinions.push(await summaryFor(store, o, me));
      return c.json({ opinions });
    })
    .post('/', jsonBody(createOpinionRequestSchema, offersBody), async (c) => {
      const me = c.get('session').accountId;
      const body = c.get('body');
      const at = now();
      if (body.offers.some((o) => o.candidateId === me))
        throw new ApiError(400, 'bad-request', 'A request is not offered to its requester');
      for (const offer of body.offers) {
        if (!(await acceptsOpinions(store, offer.candidateId)))
          throw new ApiError(403, 'forbidden', 'Every candidate must accept second-opinion requests');
      }
      createLimit(me, at, 'rate-limited', 'Too many requests this hour');
      const created = await store.createOpinion({
        id: body.id,
        requesterId: me,
        createdAt: at,
        requesterCopy: body.requesterCopy,
        offers: body.offers,
      });
      if (created === 'id-taken') throw new ApiError(409, 'conflict', 'This request id is taken');
      const opinion = await store.getOpinion(body.id);
      if (!opinion) throw notFound();
      return c.json<OpinionSummary>(await summaryFor(store, { ...opinion, offer: null }, me), 201);
    })
    .all('/', methodNotAllowed('GET', 'POST'))
    .post('/:id/accept', jsonBody(acceptOpinionRequestSchema), async (c) => {
      const me = c.get('session').accountId;
      const id = idParam(c.req.param('id'));
      const at = now();
      const outcome = await store.acceptOpinion(id, me, at, at + OPINION_DUE_MS, c.get('body').priceCents);
      if (outcome === 'not-offered') throw notFound();
      if (outcome === 'taken')
        throw new ApiError(409, 'opinion-taken', 'Another doctor accepted it first, or it was closed');
      const listing = (await store.listOpinions(me)).find((o) => o.id === id);
      if (!listing) throw notFound();
      return c.json<OpinionSummary>(await summaryFor(store, listing, me));
    })
    .all('/:id/accept', methodNotAllowed('POST'))
    .get('/:id/items', async (c) => {
      const me = c.get('session').accountId;
      const id = idParam(c.req.param('id'));
      const { role } = await partyOf(store, id, me);
      const items = await store.listOpinionItems(id);
      return c.json({
        items: items.map(
          (i): OpinionItem => ({
            seq: i.seq,
            authorId: i.authorId,
            kind: i.kind,
            at: i.at,
            sealed: role === 'requester' ? i.forRequester : i.forDoctor,
          }),
        ),
      });
    })
    .post('/:id/items', jsonBody(postOpinionItemSchema, itemBody), async (c) => {
      const me = c.get('session').accountId;
      const id = idParam(c.req.param('id'));
      const { opinion, role } = await partyOf(store, id, me);
      const body = c.get('body');
      if (body.kind === 'report' && role !== 'doctor')
        throw new ApiError(403, 'forbidden', 'Only the doctor who accepted sends the report');
      if (opinion.items >= OPINION_ITEMS_MAX) throw new ApiError(409, 'opinion-not-open', 'Too many items');
      const added = await store.addOpinionItem({
        requestId: id,
        authorId: me,
        kind: body.kind,
        at: now(),
        forRequester: body.forRequester,
        forDoctor: body.forDoctor,
      });
      if ('refused' in added)
        throw new ApiError(409, 'opinion-not-open', 'This request takes no such item now');
      return c.json({ seq: added.seq }, 201);
    })
    .all('/:id/items', methodNotAllowed('GET', 'POST'))
    .post('/:id/close', async (c) => {
      const me = c.get('session').accountId;
      const id = idParam(c.req.param('id'));
      const { role } = await partyOf(store, id, me);
      if (role !== 'requester') throw new ApiError(403, 'forbidden', 'Only the requester closes a request');
      await store.closeOpinion(id, now());
      return c.body(null, 204);
    })
    .all('/:id/close', methodNotAllowed('POST'));
}
