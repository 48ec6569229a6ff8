/**
 * Second-opinion requests (issue 18): `/api/opinions/*`.
 *
 * What the server keeps, and all it can read: who asked (account), to which candidate doctors the
 * request was offered, its state (offered, accepted, done, closed), who accepted and when, the due
 * date (acceptance + 7 days), the price the doctor stated, and per item its author, kind
 * (`note` or `report`), time and size. Everything else is ciphertext:
 * - per candidate, the **minimal summary** the requester approved (field, age in years, the
 *   question in the requester's words), signed by the requester and sealed to that candidate's
 *   X25519 key; a candidate who did not accept loses it at acceptance (deleted);
 * - per item (the forms, consents, role proof and documents; a request for more information; the
 *   report with its PDF), the content signed by its author and sealed twice: to the requester's and
 *   to the accepting doctor's X25519 keys. Items exist only once a doctor accepted, so nothing but
 *   the summary is ever sealed to a doctor who did not.
 * A doctor who did not accept, and anyone else, gets 404 on the request's items.
 */
import { z } from '../schema/zod.ts';
import { base64urlField } from './keyring.ts';
import { accountIdSchema } from './messages.ts';

/** Days between acceptance and the due date of the report. */
export const OPINION_DUE_DAYS = 7;
export const OPINION_DUE_MS = OPINION_DUE_DAYS * 24 * 60 * 60 * 1000;
/** Candidates one request may be offered to ("let Carnet choose"). */
export const OPINION_CANDIDATES_MAX = 20;
/** A sealed summary: a few hundred characters of JSON, signed, sealed, in base64url. */
export const OPINION_SUMMARY_MAX = 8 * 1024;
/** A sealed item: the forms and documents, or the report and its PDF (base64url of ≤ 4 MiB). */
export const OPINION_ITEM_MAX = 6 * 1024 * 1024;
export const OPINION_ITEMS_MAX = 200;
/** Requests an account may create per hour. */
export const OPINIONS_PER_HOUR = 10;

/** Reasons of the errors these routes return (also listed in errors.ts). */
export const OPINION_ERROR_REASONS = [
  /** Another doctor accepted first, or the request was closed. */
  'opinion-taken',
  /** The request is not open for this (closed, not yet accepted, or the report already sent). */
  'opinion-not-open',
] as const;

export const OPINION_STATES = ['offered', 'accepted', 'done', 'closed'] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const OPINION_ITEM_KINDS = ['note', 'report'] as const;
export type OpinionItemKind = (typeof OPINION_ITEM_KINDS)[number];

export const opinionIdSchema = base64urlField('Request id', { exact: 22 });
const sealed = (label: string, max: number) => base64urlField(label, { max });

export const createOpinionRequestSchema = z.strictObject({
  id: opinionIdSchema,
  /** The whole request signed and sealed to the requester's own key: any of its devices sends it on. */
  requesterCopy: sealed('Sealed request', OPINION_ITEM_MAX),
  /** Each candidate's copy of the summary; one entry when the requester chose the doctor. */
  offers: z
    .array(
      z.strictObject({ candidateId: accountIdSchema, sealedSummary: sealed('Summary', OPINION_SUMMARY_MAX) }),
    )
    .min(1)
    .max(OPINION_CANDIDATES_MAX)
    .refine((offers) => new Set(offers.map((o) => o.candidateId)).size === offers.length, {
      message: 'Each candidate once',
    }),
});
export type CreateOpinionRequest = z.infer<typeof createOpinionRequestSchema>;

export const acceptOpinionRequestSchema = z.strictObject({
  /** The doctor's price for this opinion, in euro cents; paid outside Carnet. */
  priceCents: z.int().min(0).max(100_000),
});

export const postOpinionItemSchema = z.strictObject({
  kind: z.enum(OPINION_ITEM_KINDS),
  forRequester: sealed('Sealed item', OPINION_ITEM_MAX),
  forDoctor: sealed('Sealed item', OPINION_ITEM_MAX),
});
export type PostOpinionItem = z.infer<typeof postOpinionItemSchema>;

const partyKeys = z.strictObject({
  boxPublicKey: base64urlField('Box key', { exact: 43 }),
  signPublicKey: base64urlField('Sign key', { exact: 43 }),
});

/** One request as the asking account sees it, or as a doctor sees it (role). */
export const opinionSummarySchema = z.strictObject({
  id: opinionIdSchema,
  role: z.enum(['requester', 'candidate', 'doctor']),
  requesterId: accountIdSchema,
  /** `gone`: offered to this candidate, taken by another doctor (or closed): summary withdrawn. */
  state: z.enum([...OPINION_STATES, 'gone']),
  createdAt: z.int(),
  candidates: z.int().min(0),
  /** The summary sealed for this account (candidate or accepting doctor); null otherwise. */
  sealedSummary: z.string().nullable(),
  /** The requester's own sealed copy of the request; null for anyone else. */
  requesterCopy: z.string().nullable(),
  /** Public keys the server publishes for the parties (taken on first use, as in messaging). */
  requesterKeys: partyKeys,
  doctorKeys: partyKeys.nullable(),
  doctorId: accountIdSchema.nullable(),
  acceptedAt: z.int().nullable(),
  dueAt: z.int().nullable(),
  reportedAt: z.int().nullable(),
  closedAt: z.int().nullable(),
  priceCents: z.int().nullable(),
  items: z.int().min(0),
});
export type OpinionSummary = z.infer<typeof opinionSummarySchema>;
export const opinionListSchema = z.strictObject({ opinions: z.array(opinionSummarySchema) });

export const opinionItemSchema = z.strictObject({
  seq: z.int().min(1),
  authorId: accountIdSchema,
  kind: z.enum(OPINION_ITEM_KINDS),
  at: z.int(),
  /** The copy sealed for the reading account. */
  sealed: z.string(),
});
export type OpinionItem = z.infer<typeof opinionItemSchema>;
export const opinionItemListSchema = z.strictObject({ items: z.array(opinionItemSchema) });
