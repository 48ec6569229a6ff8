/**
 * Entries written by a practitioner through a share (docs/architecture.md §8.3). They arrive signed by the
 * practitioner's own key (the signature is on the envelope) and are read-only to the patient.
 * Nothing verifies a professional identifier, so the entry says so: `idSelfDeclared` is always true.
 */

import { codeSchema } from './clinical-code.ts';
import { group, integerIn, isoDate, isoDateTime, messages, schemaVersion, TEXT_MAX, text } from './common.ts';
import { isSafeFileName, MAX_DOCUMENT_BYTES } from './document.ts';
import { z } from './zod.ts';

export const PRACTITIONER_ENTRY_TYPES = ['note', 'diagnosis', 'prescription', 'exercise-programme'] as const;

const practitionerSchema = group('Practitioner', {
  name: text('Practitioner name'),
  /** "General practitioner", "Physiotherapist", "Kinésithérapeute". */
  profession: text('Profession', 100),
  specialty: text('Specialty', 100).optional(),
  /** RPPS, GMC number…, as typed by the practitioner. */
  professionalId: text('Professional identifier', 40).optional(),
  idSelfDeclared: z.literal(true, { error: 'The professional identifier must be marked as self-declared' }),
});

const prescriptionItemSchema = group('Prescription item', {
  medication: text('Medication'),
  dosage: text('Dosage', 500),
  duration: text('Duration', 100),
  quantity: text('Quantity', 100).optional(),
});

const exerciseSchema = group('Exercise', {
  name: text('Exercise name'),
  sets: integerIn('Sets', 1, 100).optional(),
  repetitions: integerIn('Repetitions', 1, 1_000).optional(),
  durationMinutes: integerIn('Duration in minutes', 1, 600).optional(),
  /** "Twice a day", "3 times a week". */
  frequency: text('Frequency', 100).optional(),
  instructions: text('Instructions', TEXT_MAX.medium).optional(),
});

/**
 * The practitioner's signed bytes, kept as received (shared/crypto/share-entry.ts): the entry is
 * re-verified from them every time it is shown, and shown as invalid if they do not verify or do
 * not match the fields above.
 */
const signatureSchema = z.strictObject({
  payload: z.string().max(400_000),
  sig: z.string().max(200),
  signPk: z.string().max(100),
});

/**
 * Who the server said posted the entry, written by the patient's device at import, inside the
 * encrypted record (so the server cannot change it afterwards): the account, the fingerprint of the
 * signing key it published, and whether that account had shown another key before (docs/architecture.md §8.3).
 */
const receivedSchema = z.strictObject({
  accountId: z.string().max(64),
  keyFingerprint: z.string().max(40),
  keyChanged: z.boolean(),
  /**
   * What became of the entry's attached file at import: `imported` (its bytes matched the signed
   * SHA-256, stored as a read-only document) or `invalid` (altered: not imported).
   */
  attachment: z.enum(['imported', 'invalid']).optional(),
});

/**
 * A file the practitioner attached (a report, a scanned result), signed with the entry: its chunks
 * travel encrypted under the share key (shared/crypto/share-file.ts) and the signature covers this
 * reference, so its SHA-256 too. The patient's device imports it as a read-only document.
 */
const attachmentSchema = z.strictObject({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'File id must be 22 base64url characters'),
  name: text('File name', 255).refine(isSafeFileName, {
    message: 'File name must not contain slashes, backslashes or control characters',
  }),
  mediaType: text('Media type', 255),
  size: integerIn('File size', 1, MAX_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 digest must be 64 lowercase hexadecimal characters'),
  chunkCount: integerIn('Chunk count', 1, 40),
});
export type EntryAttachment = z.infer<typeof attachmentSchema>;

const common = {
  kind: z.literal('practitioner-entry'),
  schemaVersion,
  title: text('Title'),
  practitioner: practitionerSchema,
  createdAt: isoDateTime('Creation time'),
  signature: signatureSchema.optional(),
  received: receivedSchema.optional(),
  attachment: attachmentSchema.optional(),
};

const noteEntry = z.strictObject({
  ...common,
  entryType: z.literal('note'),
  body: text('Text', TEXT_MAX.long),
});

const diagnosisEntry = z.strictObject({
  ...common,
  entryType: z.literal('diagnosis'),
  body: text('Text', TEXT_MAX.long),
  code: codeSchema(['snomed', 'icd10']).optional(),
});

const prescriptionEntry = z.strictObject({
  ...common,
  entryType: z.literal('prescription'),
  body: text('Text', TEXT_MAX.long).optional(),
  items: z
    .array(prescriptionItemSchema, {
      error: messages('Prescription items', 'Prescription items must be a list'),
    })
    .min(1, 'A prescription needs at least one item')
    .max(50, 'A prescription may have at most 50 items'),
});

const exerciseProgrammeEntry = z.strictObject({
  ...common,
  entryType: z.literal('exercise-programme'),
  body: text('Text', TEXT_MAX.long).optional(),
  /** The plan the patient follows and logs against (all optional: older entries have none). */
  startDate: isoDate('Start date').optional(),
  endDate: isoDate('End date').optional(),
  sessionsPerWeek: integerIn('Sessions per week', 1, 21).optional(),
  exercises: z
    .array(exerciseSchema, { error: messages('Exercises', 'Exercises must be a list') })
    .min(1, 'An exercise programme needs at least one exercise')
    .max(50, 'An exercise programme may have at most 50 exercises'),
});

export const practitionerEntrySchema = z
  .discriminatedUnion('entryType', [noteEntry, diagnosisEntry, prescriptionEntry, exerciseProgrammeEntry], {
    error: messages('Entry type', `Entry type must be one of: ${PRACTITIONER_ENTRY_TYPES.join(', ')}`),
  })
  .refine(
    (e) =>
      e.entryType !== 'exercise-programme' ||
      e.startDate === undefined ||
      e.endDate === undefined ||
      e.endDate >= e.startDate,
    { path: ['endDate'], message: 'End date must not be before start date' },
  );

export type PractitionerEntry = z.infer<typeof practitionerEntrySchema>;
