/**
 * The emergency profile (docs/architecture.md §9): what a responder reads from the patient's QR code, with no
 * account, no network and no Carnet installed. Clinical terms stay as the patient wrote them.
 *
 * Lengths are capped so the sections that are never trimmed (name, date of birth, advance directive,
 * first condition, first allergy) fit the QR budget for ordinary text (see `budget.ts`).
 */
import { z } from './zod-mini.ts';

export const EMERGENCY_LANGUAGES = ['en', 'fr'] as const;
export type EmergencyLanguage = (typeof EMERGENCY_LANGUAGES)[number];

const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD'));
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

export const emergencyContactLineSchema = z.strictObject({
  name: line(60),
  relationship: z.optional(line(40)),
  // Digits, spaces, +, (, ), -, . only: it becomes a `tel:` link on the responder page.
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9 ().-]{3,30}$/, 'Phone must contain digits only')),
});

export const emergencyProfileSchema = z.strictObject({
  /** The patient's language: the printed text is in it, the responder page states it. */
  language: z.enum(EMERGENCY_LANGUAGES),
  name: line(60),
  dateOfBirth: z.optional(isoDate),
  /** Advance directive / do-not-resuscitate, as the patient words it. */
  directive: z.optional(line(120)),
  conditions: list(line(120), 20),
  allergies: list(line(120), 20),
  medications: list(line(120), 20),
  devices: list(line(120), 10),
  pregnancy: z.optional(line(120)),
  contacts: list(emergencyContactLineSchema, 5),
  /** Languages the patient speaks, as written ("français", "LSF"). */
  languages: list(line(40), 6),
  bloodType: z.optional(line(12)),
  organDonor: z.optional(z.boolean()),
  note: z.optional(line(300)),
  updatedOn: isoDate,
  /** Opt-in access log: 128 random bits, base64url. Never health data. */
  token: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/))),
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
