/**
 * A clinical record: the plaintext inside a `record` envelope's ciphertext. Its kind lives here,
 * encrypted, not on the envelope, so the server cannot learn "HIV test" from metadata (docs/architecture.md §5).
 * Every decrypted record goes through `parseRecord` before it is shown or merged.
 */

import { administrativeSchema } from './administrative.ts';
import { advanceDirectiveSchema } from './advance-directive.ts';
import { allergySchema } from './allergy.ts';
import { conditionSchema } from './condition.ts';
import { consultationSchema } from './consultation.ts';
import { deviceSchema } from './device.ts';
import { documentSchema } from './document.ts';
import { emergencyContactSchema } from './emergency-contact.ts';
import { emergencyProfileRecordSchema } from './emergency-profile.ts';
import { exerciseSessionSchema } from './exercise-session.ts';
import { familyHistorySchema } from './family-history.ts';
import { labResultSchema } from './lab-result.ts';
import { lifestyleSchema } from './lifestyle.ts';
import { measurementSchema } from './measurement.ts';
import { medicationSchema } from './medication.ts';
import { noteSchema } from './note.ts';
import { practitionerEntrySchema } from './practitioner-entry.ts';
import { pregnancySchema } from './pregnancy.ts';
import { procedureSchema } from './procedure.ts';
import { type ParseResult, parseWith } from './readable-issues.ts';
import { vaccinationSchema } from './vaccination.ts';
import { z } from './zod.ts';

const schemas = [
  allergySchema,
  conditionSchema,
  medicationSchema,
  vaccinationSchema,
  labResultSchema,
  measurementSchema,
  documentSchema,
  lifestyleSchema,
  administrativeSchema,
  emergencyContactSchema,
  practitionerEntrySchema,
  consultationSchema,
  noteSchema,
  emergencyProfileRecordSchema,
  procedureSchema,
  deviceSchema,
  pregnancySchema,
  familyHistorySchema,
  advanceDirectiveSchema,
  exerciseSessionSchema,
] as const;

type Kinds = z.infer<(typeof schemas)[number]>['kind'];

// A key per kind: the compiler reports a kind missing here or one that is not in `schemas`.
const KIND_KEYS: { readonly [K in Kinds]: true } = {
  allergy: true,
  condition: true,
  medication: true,
  vaccination: true,
  'lab-result': true,
  measurement: true,
  document: true,
  lifestyle: true,
  administrative: true,
  'emergency-contact': true,
  'practitioner-entry': true,
  consultation: true,
  note: true,
  'emergency-profile': true,
  procedure: true,
  device: true,
  pregnancy: true,
  'family-history': true,
  'advance-directive': true,
  'exercise-session': true,
};

export type RecordKind = Kinds;
export const RECORD_KINDS = Object.keys(KIND_KEYS) as [RecordKind, ...RecordKind[]];

export const recordSchema = z.discriminatedUnion('kind', schemas, {
  // Zod reports a missing or unknown `kind` here, and also input that is not an object at all.
  error: (issue) =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? `Record kind must be one of: ${RECORD_KINDS.join(', ')}`
      : 'A record must be an object',
});

export type ClinicalRecord = z.infer<typeof recordSchema>;

/** Parses a decrypted record, with messages a person can read. */
export function parseRecord(input: unknown): ParseResult<ClinicalRecord> {
  return parseWith(recordSchema, input);
}
