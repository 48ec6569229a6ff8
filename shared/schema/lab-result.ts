/** Laboratory results (modelled on FHIR Observation, category laboratory). */

import { codeSchema } from './clinical-code.ts';
import { group, isoDate, messages, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const LAB_INTERPRETATIONS = ['low', 'normal', 'high', 'critical'] as const;

// UCUM codes are case-sensitive printable ASCII without spaces ("mmol/L", "10*9/L", "%").
const UCUM_CODE = /^[!-~]{1,30}$/;

const ucumUnit = z
  .string({ error: 'Unit must be text' })
  .trim()
  .regex(UCUM_CODE, 'Unit must be a UCUM unit code such as mmol/L or g/dL, without spaces');

const referenceRangeSchema = group('Reference range', {
  low: z.number({ error: 'Reference range low value must be a number' }).optional(),
  high: z.number({ error: 'Reference range high value must be a number' }).optional(),
  /** As printed on the report when it is not a simple interval: "< 5", "negative". */
  text: text('Reference range text').optional(),
})
  .refine((r) => r.low !== undefined || r.high !== undefined || r.text !== undefined, {
    message: 'Reference range needs a low value, a high value or a text',
  })
  .refine((r) => r.low === undefined || r.high === undefined || r.low <= r.high, {
    path: ['high'],
    message: 'Reference range high value must not be below the low value',
  });

export const labResultSchema = z.strictObject({
  kind: z.literal('lab-result'),
  schemaVersion,
  testName: text('Test name'),
  code: codeSchema(['loinc']).optional(),
  /** A number, or text for qualitative results ("positive", "traces"). */
  value: z.union([z.number(), text('Value', 500)], {
    error: messages('Value', 'Value must be a number or a text such as "positive"'),
  }),
  // Optional: qualitative results have no unit.
  unit: ucumUnit.optional(),
  referenceRange: referenceRangeSchema.optional(),
  date: isoDate('Date'),
  interpretation: oneOf('Interpretation', LAB_INTERPRETATIONS).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type LabResult = z.infer<typeof labResultSchema>;
