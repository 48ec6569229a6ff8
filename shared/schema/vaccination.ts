/** Vaccinations (modelled on FHIR Immunization). */

import { codeSchema } from './clinical-code.ts';
import { integerIn, isoDate, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const vaccinationSchema = z
  .strictObject({
    kind: z.literal('vaccination'),
    schemaVersion,
    vaccine: text('Vaccine'),
    date: isoDate('Date'),
    // Optional: old paper records (a carnet de santé page without its sticker) often lack it.
    lot: text('Lot number', 50).optional(),
    doseNumber: integerIn('Dose number', 1, 20).optional(),
    nextDue: isoDate('Next due date').optional(),
    code: codeSchema(['cvx', 'atc']).optional(),
    performer: text('Performer').optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine((v) => v.nextDue === undefined || v.nextDue >= v.date, {
    path: ['nextDue'],
    message: 'Next due date must not be before the vaccination date',
  });

export type Vaccination = z.infer<typeof vaccinationSchema>;
