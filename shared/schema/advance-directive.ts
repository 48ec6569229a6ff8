/**
 * Advance directives as a patient understands them: in France the "directives anticipées" (what
 * one wants or refuses at the end of life) and the "personne de confiance" (who speaks for one),
 * elsewhere a living will, a do-not-resuscitate order or a health-care proxy. What matters in an
 * emergency is that they exist, who to call and where the paper is; the wording is the patient's.
 */

import { email, group, isoDate, oneOf, phone, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const DIRECTIVE_TYPES = ['directives', 'trusted-person', 'do-not-resuscitate', 'other'] as const;

// Record ids: 1 to 64 letters, digits, dashes or underscores (see the envelope schema).
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

const personSchema = group('Person', {
  name: text('Name of the person'),
  relationship: text('Relationship', 100).optional(),
  phone: phone('Phone of the person').optional(),
  email: email('Email of the person').optional(),
});

export const advanceDirectiveSchema = z
  .strictObject({
    kind: z.literal('advance-directive'),
    schemaVersion,
    type: oneOf('Type', DIRECTIVE_TYPES),
    /** What it says, in the patient's words: "no resuscitation", "no artificial feeding". */
    statement: text('What it says', TEXT_MAX.medium).optional(),
    /** The trusted person or proxy: required for that type, allowed for the others. */
    person: personSchema.optional(),
    /** Where the signed paper is: "with my GP", "top drawer of the desk". */
    documentLocation: text('Where the document is', 500).optional(),
    /** A scan kept in Carnet: the id of a `document` record of the same profile. */
    documentId: z
      .string({ error: 'Attached document must be a record id' })
      .regex(RECORD_ID, 'Attached document must be a record id')
      .optional(),
    date: isoDate('Date written').optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine((d) => d.type !== 'trusted-person' || d.person !== undefined, {
    path: ['person'],
    message: 'Name the trusted person',
  })
  .refine(
    (d) =>
      d.statement !== undefined ||
      d.person !== undefined ||
      d.documentLocation !== undefined ||
      d.documentId !== undefined,
    { message: 'Say what the directive says, who the person is, or where the document is' },
  );

export type AdvanceDirective = z.infer<typeof advanceDirectiveSchema>;
