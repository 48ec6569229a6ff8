/**
 * A family profile (docs/architecture.md §5): one person whose records the account holds. Stored encrypted in an
 * envelope of kind `profile`; at most `MAX_PROFILES` per account, enforced by client and server.
 */

import { isoDate, messages, oneOf, schemaVersion, text } from './common.ts';
import { z } from './zod.ts';

export const MAX_PROFILES = 6;

export const PROFILE_RELATIONSHIPS = ['self', 'child', 'partner', 'parent', 'other'] as const;
export const PROFILE_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const PROFILE_LOCALES = ['en', 'fr'] as const;

/** A small inline image: about 256 KiB once decoded. Larger photos are stored as a blob. */
export const MAX_PHOTO_DATA_URL_LENGTH = 350_000;

const PHOTO_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
/** A reference to a blob envelope holding the photo: `blob:<envelope id>`. */
const PHOTO_BLOB_REF = /^blob:[A-Za-z0-9_-]{1,64}$/;

// Anywhere on Earth it is at most UTC+14: a birth date is "in the future" only if it is after the
// date there. Comparing with the local date instead would reject, on a device in Hawaii, a profile
// created on the day of birth in Paris.
const LATEST_OFFSET_MS = 14 * 3600 * 1000;

function latestDateOnEarth(nowMs: number): string {
  return new Date(nowMs + LATEST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `now` is injectable so tests do not depend on the clock. */
export function makeProfileSchema(now: () => number = Date.now) {
  return z.strictObject({
    schemaVersion,
    displayName: text('Display name', 80),
    relationship: oneOf('Relationship', PROFILE_RELATIONSHIPS),
    dateOfBirth: isoDate('Date of birth').refine((date) => date <= latestDateOnEarth(now()), {
      message: 'Date of birth must not be in the future',
    }),
    sex: oneOf('Sex', PROFILE_SEXES),
    photo: z
      .string({ error: messages('Photo', 'Photo must be text') })
      .max(MAX_PHOTO_DATA_URL_LENGTH, 'Photo is too large: choose an image under 256 KB')
      .refine((photo) => PHOTO_DATA_URL.test(photo) || PHOTO_BLOB_REF.test(photo), {
        message: 'Photo must be a PNG, JPEG or WebP image',
      })
      .optional(),
    locale: oneOf('Language', PROFILE_LOCALES),
  });
}

export const profileSchema = makeProfileSchema();

export type Profile = z.infer<typeof profileSchema>;
