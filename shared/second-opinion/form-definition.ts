/**
 * A second-opinion form is data, not code (issue 18): a pre-form common to every field and one
 * form per field, each a list of questions worded in English and French. This schema checks a
 * definition file; `answers.ts` builds the zod schema of its answers from it, so adding a field is
 * adding a file under `forms/` and one line in `forms/index.ts`.
 */
import { z } from '../schema/zod.ts';

export const OPINION_FIELDS = [
  'cardiology',
  'oncology',
  'orthopaedics',
  'neurology',
  'dermatology',
  'general-medicine',
] as const;
export type OpinionField = (typeof OPINION_FIELDS)[number];
export const opinionFieldSchema = z.enum(OPINION_FIELDS);

export const FORM_LOCALES = ['en', 'fr'] as const;
export type FormLocale = (typeof FORM_LOCALES)[number];

const wording = z.strictObject({ en: z.string().min(1).max(300), fr: z.string().min(1).max(300) });
export type Wording = z.infer<typeof wording>;

/** What a question may be prefilled from, read from the profile's own records (prefill.ts). */
export const PREFILL_SOURCES = ['conditions', 'medications', 'allergies', 'lab-results'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

const base = {
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  label: wording,
  help: wording.optional(),
  required: z.boolean(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(4000),
    prefill: z.enum(PREFILL_SOURCES).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('yes-no') }),
  /** A statement to accept (the urgency disclaimer): only a tick answers it. */
  z.strictObject({ ...base, type: z.literal('statement'), required: z.literal(true) }),
  z.strictObject({
    ...base,
    type: z.literal('choice'),
    options: z.array(z.strictObject({ value: z.string().regex(/^[a-z0-9-]{1,40}$/), label: wording })).min(2),
  }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number(),
    max: z.number(),
    unit: z.string().max(20).optional(),
  }),
]);
export type Question = z.infer<typeof questionSchema>;

export const formDefinitionSchema = z
  .strictObject({
    id: z.union([z.literal('pre-form'), opinionFieldSchema]),
    version: z.number().int().min(1),
    title: wording,
    questions: z.array(questionSchema).min(1).max(40),
  })
  .refine((form) => new Set(form.questions.map((q) => q.id)).size === form.questions.length, {
    message: 'Question ids must be unique within a form',
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
