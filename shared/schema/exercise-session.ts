/**
 * One home exercise session the patient logged against a practitioner's exercise programme
 * (a signed `practitioner-entry` of type `exercise-programme`, named by its record id). Written by the
 * patient, synced like any record (end-to-end encrypted), and carried by a share that includes
 * practitioner entries, so the prescriber can follow it (docs/architecture.md §8.9).
 */

import { integerIn, isoDate, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const SESSION_STATUSES = ['done', 'partly', 'skipped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const exerciseSessionSchema = z.strictObject({
  kind: z.literal('exercise-session'),
  schemaVersion,
  /** The record id of the exercise programme this session follows. */
  programmeId: z
    .string({ error: 'Programme must be named' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Programme must be a record id'),
  /** The patient's own calendar date of the session. */
  date: isoDate('Date'),
  status: oneOf('Status', SESSION_STATUSES),
  /** Perceived difficulty, 0 (very easy) to 10 (impossible). */
  difficulty: integerIn('Difficulty', 0, 10).optional(),
  /** Pain felt, 0 (none) to 10 (worst imaginable). */
  pain: integerIn('Pain', 0, 10).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type ExerciseSession = z.infer<typeof exerciseSessionSchema>;
