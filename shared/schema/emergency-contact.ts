/** People to call in an emergency, in the order they should be called. */

import { email, integerIn, phone, schemaVersion, TEXT_MAX, text, textList } from './common.ts';
import { z } from './zod.ts';

export const emergencyContactSchema = z.strictObject({
  kind: z.literal('emergency-contact'),
  schemaVersion,
  name: text('Name'),
  /** Free text: "mother", "époux", "neighbour with the key". */
  relationship: text('Relationship', 100),
  phone: phone('Phone'),
  email: email('Email').optional(),
  /** 1 is called first. */
  priority: integerIn('Priority', 1, 99),
  /** Languages the contact speaks, as the patient writes them ("français", "en"). */
  languages: textList('Languages', 'Language', 10, 40).optional(),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type EmergencyContact = z.infer<typeof emergencyContactSchema>;
