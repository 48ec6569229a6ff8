/**
 * The emergency profile (DESIGN §6): what a responder reads from the patient's QR code, with no
 * account, no network and no Carnet installed. Clinical terms stay as the patient wrote them.
 *
 * Lengths are capped so the sections that are never trimmed (name, date of birth, advance directive,
 * first condition, first allergy) fit the QR budget for ordinary text (see `budget.ts`).
 */
import { z } from '../schema/zod.ts';

export const EMERGENCY_LANGUAGES = ['en', 'fr'] as const;
export type EmergencyLanguage = (typeof EMERGENCY_LANGUAGES)[number];

const line = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD');

export const emergencyContactLineSchema = z.strictObject({
  name: line(60),
  relationship: line(40).optional(),
  // Digits, spaces, +, (, ), -, . only: it becomes a `tel:` link on the responder page.
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{3,30}$/, 'Phone must contain digits only'),
});

export const emergencyProfileSchema = z.strictObject({
  /** The patient's language: the printed text is in it, the responder page states it. */
  language: z.enum(EMERGENCY_LANGUAGES),
  name: line(60),
  dateOfBirth: isoDate.optional(),
  /** Advance directive / do-not-resuscitate, as the patient words it. */
  directive: line(120).optional(),
  conditions: z.array(line(120)).max(20),
  allergies: z.array(line(120)).max(20),
  medications: z.array(line(120)).max(20),
  devices: z.array(line(120)).max(10),
  pregnancy: line(120).optional(),
  contacts: z.array(emergencyContactLineSchema).max(5),
  /** Languages the patient speaks, as written ("français", "LSF"). */
  languages: z.array(line(40)).max(6),
  bloodType: line(12).optional(),
  organDonor: z.boolean().optional(),
  note: line(300).optional(),
  updatedOn: isoDate,
  /** Opt-in access log: 128 random bits, base64url. Never health data. */
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/)
    .optional(),
});

export type EmergencyProfile = z.infer<typeof emergencyProfileSchema>;
export type EmergencyContactLine = z.infer<typeof emergencyContactLineSchema>;

/** An empty profile for a person: the editor and the tests start from here. */
export function emptyEmergencyProfile(
  name: string,
  language: EmergencyLanguage,
  updatedOn: string,
): EmergencyProfile {
  return {
    language,
    name,
    conditions: [],
    allergies: [],
    medications: [],
    devices: [],
    contacts: [],
    languages: [],
    updatedOn,
  };
}
