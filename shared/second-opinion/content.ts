/**
 * What a second-opinion request says, inside its ciphertext (shared/protocol/opinions.ts): the
 * minimal summary a candidate doctor sees before accepting, and the items exchanged once one has —
 * the request itself (forms, role and proof, consents, documents), consent events, a doctor's
 * request for more information, a document sent in answer, and the report. Parsed on the device
 * after the signature checks out; the server never sees any of it.
 */
import { z } from '../schema/zod.ts';
import { CONSENT_KINDS, REQUESTER_ROLES } from './consents.ts';
import { FORM_LOCALES, opinionFieldSchema } from './form-definition.ts';

/**
 * Exactly what every candidate sees before accepting, approved by the requester on the screen:
 * the field, the patient's age in whole years, and the question in the requester's words (which
 * they may shorten). No name, no date of birth, no form, no document.
 */
export const opinionSummaryContentSchema = z.strictObject({
  v: z.literal(1),
  field: opinionFieldSchema,
  ageYears: z.int().min(0).max(130),
  question: z.string().trim().min(1).max(500),
  language: z.enum(FORM_LOCALES),
});
export type OpinionSummaryContent = z.infer<typeof opinionSummaryContentSchema>;

export const fileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  mediaType: z.string().max(255),
  /** base64url of the bytes; ≤ 4 MiB so a request stays one item. */
  data: z.string().max(Math.ceil((4 * 1024 * 1024 * 4) / 3)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type OpinionFile = z.infer<typeof fileSchema>;

export const consentEventSchema = z.strictObject({
  kind: z.enum(CONSENT_KINDS),
  version: z.int().min(1),
  granted: z.boolean(),
  at: z.int(),
  role: z.enum(REQUESTER_ROLES),
  /** For `gp-exchange`: the GP named. */
  gp: z.string().max(200).optional(),
});
export type ConsentEvent = z.infer<typeof consentEventSchema>;

const answers = z.record(z.string().max(40), z.union([z.string().max(4000), z.number(), z.boolean()]));

export const opinionItemContentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('request'),
    v: z.literal(1),
    field: opinionFieldSchema,
    patient: z.strictObject({
      profileId: z.string().max(64),
      name: z.string().max(200),
      birthDate: z.string().max(10).optional(),
    }),
    role: z.enum(REQUESTER_ROLES),
    proof: fileSchema.optional(),
    preForm: z.strictObject({ version: z.int(), answers }),
    fieldForm: z.strictObject({ version: z.int(), answers }),
    consents: z.array(consentEventSchema).min(1).max(10),
    documents: z.array(fileSchema).max(5),
  }),
  z.strictObject({ type: z.literal('consent'), v: z.literal(1), event: consentEventSchema }),
  z.strictObject({ type: z.literal('info-request'), v: z.literal(1), text: z.string().min(1).max(2000) }),
  z.strictObject({
    type: z.literal('document'),
    v: z.literal(1),
    text: z.string().max(2000).optional(),
    file: fileSchema,
  }),
  z.strictObject({
    type: z.literal('report'),
    v: z.literal(1),
    /** A signed practitioner entry payload (web/src/shares/entry-payload.ts), kept as signed. */
    entry: z.strictObject({
      payload: z.string().max(400_000),
      sig: z.string().max(200),
      signPk: z.string().max(100),
    }),
    pdf: fileSchema.optional(),
  }),
]);
export type OpinionItemContent = z.infer<typeof opinionItemContentSchema>;
