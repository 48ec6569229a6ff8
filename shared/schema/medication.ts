/** Medications, current and past (modelled on FHIR MedicationStatement). */

import { codeSchema } from './clinical-code.ts';
import { flag, group, isoDate, messages, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const MEDICATION_ROUTES = [
  'oral',
  'iv',
  'im',
  'sc',
  'inhaled',
  'topical',
  'rectal',
  'sublingual',
  'transdermal',
  'other',
] as const;

/** "1 g", "2 puffs", or a structured quantity when the app knows one. */
const doseSchema = z.union(
  [
    text('Dose', 100),
    group('Dose', {
      value: z
        .number({ error: messages('Dose value', 'Dose value must be a number') })
        .positive('Dose value must be greater than 0')
        .max(1_000_000, 'Dose value must be at most 1000000'),
      unit: text('Dose unit', 30),
    }),
  ],
  { error: 'Dose must be a text such as "1 g" or a value with a unit' },
);

export const medicationSchema = z
  .strictObject({
    kind: z.literal('medication'),
    schemaVersion,
    name: text('Medication name'),
    dose: doseSchema,
    route: oneOf('Route', MEDICATION_ROUTES),
    /** Free text on purpose: "3 times a day", "every morning", "1 week out of 4". */
    frequency: text('Frequency'),
    startDate: isoDate('Start date'),
    stopDate: isoDate('Stop date').optional(),
    asNeeded: flag('As needed'),
    code: codeSchema(['atc']).optional(),
    reason: text('Reason').optional(),
    prescriber: text('Prescriber').optional(),
    /** Anticoagulants, insulin, opioids…: listed first on the emergency profile. */
    highRisk: flag('High risk'),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine((m) => m.stopDate === undefined || m.stopDate >= m.startDate, {
    path: ['stopDate'],
    message: 'Stop date must not be before start date',
  });

export type Medication = z.infer<typeof medicationSchema>;
