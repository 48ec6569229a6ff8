/** Illnesses in the family (modelled on FHIR FamilyMemberHistory): one relative, one condition. */

import { codeSchema } from './clinical-code.ts';
import { flag, integerIn, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

/** Close relatives, each with a HL7 v3 RoleCode (see shared/fhir). */
export const FAMILY_RELATIONSHIPS = [
  'mother',
  'father',
  'sister',
  'brother',
  'daughter',
  'son',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'cousin',
  'other',
] as const;

export const familyHistorySchema = z.strictObject({
  kind: z.literal('family-history'),
  schemaVersion,
  relationship: oneOf('Relative', FAMILY_RELATIONSHIPS),
  condition: text('Condition'),
  /** Age at onset, in years: "my father had a heart attack at 52". */
  onsetAge: integerIn('Age at onset', 0, 130).optional(),
  /** The relative died of this condition. */
  causeOfDeath: flag('Cause of death').optional(),
  code: codeSchema(['snomed', 'icd10']).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type FamilyHistory = z.infer<typeof familyHistorySchema>;
