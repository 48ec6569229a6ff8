/** Allergies and intolerances (modelled on FHIR AllergyIntolerance). */

import { codeSchema } from './clinical-code.ts';
import { isoDate, oneOf, schemaVersion, TEXT_MAX, text, textList } from './common.ts';
import { z } from './zod.ts';

export const ALLERGY_CATEGORIES = [
  'food',
  'medication',
  'environment',
  'biologic',
  'latex',
  'other',
] as const;
export const ALLERGY_TYPES = ['allergy', 'intolerance'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
export const ALLERGY_STATUSES = ['active', 'inactive', 'resolved'] as const;

export const allergySchema = z.strictObject({
  kind: z.literal('allergy'),
  schemaVersion,
  substance: text('Substance'),
  category: oneOf('Category', ALLERGY_CATEGORIES),
  type: oneOf('Type', ALLERGY_TYPES),
  /** As the patient describes them: "urticaria", "swollen lips". May be empty when unknown. */
  reactions: textList('Reactions', 'Reaction', 20),
  severity: oneOf('Severity', ALLERGY_SEVERITIES),
  /** Risk of a future life-threatening reaction; drives the emergency profile. */
  criticality: oneOf('Criticality', ALLERGY_CRITICALITIES),
  onsetDate: isoDate('Onset date').optional(),
  status: oneOf('Status', ALLERGY_STATUSES),
  code: codeSchema(['snomed']).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type Allergy = z.infer<typeof allergySchema>;
