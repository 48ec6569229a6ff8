/** Conditions and problems (modelled on FHIR Condition). */

import { codeSchema } from './clinical-code.ts';
import { flag, isoDate, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const CONDITION_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;

export const conditionSchema = z
  .strictObject({
    kind: z.literal('condition'),
    schemaVersion,
    name: text('Name'),
    clinicalStatus: oneOf('Clinical status', CONDITION_STATUSES),
    // Optional: patients often cannot date a long-standing condition, and that must not block the entry.
    onsetDate: isoDate('Onset date').optional(),
    abatementDate: isoDate('Abatement date').optional(),
    /** Shown on the emergency profile when true. */
    critical: flag('Critical'),
    code: codeSchema(['snomed', 'icd10']).optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine(
    (c) => c.onsetDate === undefined || c.abatementDate === undefined || c.abatementDate >= c.onsetDate,
    {
      path: ['abatementDate'],
      message: 'Abatement date must not be before onset date',
    },
  );

export type Condition = z.infer<typeof conditionSchema>;
