/**
 * Pregnancy: the current status, the expected delivery date and past outcomes, as the IPS pregnancy
 * section records them (LOINC 82810-3, 11778-8 and the outcome counts). One record is one statement
 * on one day; a later statement is a new record, so the history stays readable.
 */

import { integerIn, isoDate, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const PREGNANCY_STATUSES = ['pregnant', 'not-pregnant', 'unknown'] as const;

/** Past outcomes, counted as the patient reports them. */
export const PREGNANCY_OUTCOMES = [
  'liveBirths',
  'termBirths',
  'pretermBirths',
  'miscarriages',
  'abortions',
] as const;

export type PregnancyOutcome = (typeof PREGNANCY_OUTCOMES)[number];

export const pregnancySchema = z
  .strictObject({
    kind: z.literal('pregnancy'),
    schemaVersion,
    recordedOn: isoDate('Date recorded'),
    status: oneOf('Pregnancy status', PREGNANCY_STATUSES).optional(),
    expectedDeliveryDate: isoDate('Expected delivery date').optional(),
    liveBirths: integerIn('Live births', 0, 30).optional(),
    termBirths: integerIn('Term births', 0, 30).optional(),
    pretermBirths: integerIn('Preterm births', 0, 30).optional(),
    miscarriages: integerIn('Miscarriages', 0, 30).optional(),
    abortions: integerIn('Abortions', 0, 30).optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine(
    (p) =>
      p.status !== undefined ||
      p.expectedDeliveryDate !== undefined ||
      PREGNANCY_OUTCOMES.some((outcome) => p[outcome] !== undefined),
    { message: 'Record at least a status, an expected delivery date or an outcome' },
  )
  .refine((p) => p.expectedDeliveryDate === undefined || p.status !== 'not-pregnant', {
    path: ['expectedDeliveryDate'],
    message: 'Expected delivery date must be left empty when not pregnant',
  });

export type Pregnancy = z.infer<typeof pregnancySchema>;
