/**
 * The practitioner directory (docs/architecture.md §8.6): `GET /api/directory`. Practitioners opt in
 * (`listed: true` on their profile); search is by the self-declared public fields only. Nothing is
 * verified: every answer says so (`selfDeclared: true` and `notice`). Checking a French
 * practitioner would need a lookup of the RPPS number in the national directory; it is not done.
 */
import { z } from '../schema/zod.ts';
import { base64urlField } from './keyring.ts';
import { accountIdSchema } from './messages.ts';
import { practitionerAcceptsSchema } from './shares.ts';

export const DIRECTORY_NOTICE =
  'Identities in this directory are self-declared: names, professions and identifiers are not verified.';
export const DIRECTORY_PAGE_MAX = 100;
/** The languages a practitioner can declare on their profile and a patient can search by (ISO 639-1). */
export const DIRECTORY_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar'] as const;

const filter = (label: string) =>
  z.string().trim().min(1, `${label} must not be empty`).max(100, `${label} must be at most 100 characters`);

export const directoryQuerySchema = z.strictObject({
  specialty: filter('Specialty').optional(),
  city: filter('City').optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'Language must be a 2 or 3 letter code')
    .optional(),
  accepts: z.enum(['messages', 'secondOpinions', 'calls']).optional(),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const directoryEntrySchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string(),
  profession: z.string(),
  specialty: z.string().nullable(),
  city: z.string().nullable(),
  languages: z.array(z.string()),
  /** Teleconsultation rate in euro cents per hour, or null when not given. */
  rateCents: z.int().nullable(),
  accepts: practitionerAcceptsSchema,
  boxPublicKey: base64urlField('Box public key', { exact: 43 }),
  signPublicKey: base64urlField('Sign public key', { exact: 43 }),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryResponseSchema = z.strictObject({
  selfDeclared: z.literal(true),
  notice: z.string(),
  practitioners: z.array(directoryEntrySchema),
});
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;
