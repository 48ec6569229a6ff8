/** Procedures and surgical history (modelled on FHIR Procedure). */

import { codeSchema } from './clinical-code.ts';
import { isoDate, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

/** FHIR's statuses a patient can tell apart; "preparation" and "on-hold" read as "in-progress" here. */
export const PROCEDURE_STATUSES = ['completed', 'in-progress', 'stopped', 'not-done', 'unknown'] as const;

export const procedureSchema = z.strictObject({
  kind: z.literal('procedure'),
  schemaVersion,
  name: text('Procedure'),
  status: oneOf('Status', PROCEDURE_STATUSES),
  // Optional: "appendix out as a child" is still worth recording without a date.
  date: isoDate('Date').optional(),
  bodySite: text('Body site').optional(),
  /** Surgeon, hospital or clinic, as the patient knows it. */
  performer: text('Performed by').optional(),
  reason: text('Reason').optional(),
  code: codeSchema(['snomed']).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type Procedure = z.infer<typeof procedureSchema>;
