/**
 * Building blocks shared by the record schemas.
 *
 * Every message is a sentence a person can act on and names the field by its label: a record that
 * fails to parse is shown to the patient with these messages, not with zod's defaults. Labels are
 * English; the UI may map a field path to a translated label instead.
 */
import { z } from './zod.ts';

/** Version of the record payloads inside the ciphertext. Bumped only with a migration. */
export const RECORD_SCHEMA_VERSION = 1;

export const schemaVersion = z.literal(RECORD_SCHEMA_VERSION, {
  error: `Schema version must be ${RECORD_SCHEMA_VERSION}`,
});

/** Maximum lengths for free text, in characters. */
export const TEXT_MAX = { short: 200, medium: 2_000, long: 20_000 } as const;

/** "X is required" when the field is missing, `invalid` for anything else the schema rejects. */
export function messages(label: string, invalid: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? `${label} is required` : invalid);
}

/** Trimmed, non-empty text with a maximum length. */
export function text(label: string, max: number = TEXT_MAX.short) {
  return z
    .string({ error: messages(label, `${label} must be text`) })
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** A list of short texts, e.g. reactions or tags. */
export function textList(
  label: string,
  itemLabel: string,
  maxItems: number,
  maxLength: number = TEXT_MAX.short,
) {
  return z
    .array(text(itemLabel, maxLength), { error: messages(label, `${label} must be a list`) })
    .max(maxItems, `${label} may have at most ${maxItems} entries`);
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: messages(label, `${label} must be one of: ${values.join(', ')}`) });
}

export function flag(label: string) {
  return z.boolean({ error: messages(label, `${label} must be true or false`) });
}

/** A finite number within [min, max]; `unit` is appended to the range message. */
export function numberIn(label: string, min: number, max: number, unit = '') {
  const range = `${label} must be between ${min} and ${max}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: messages(label, `${label} must be a number`) })
    .min(min, range)
    .max(max, range);
}

export function integerIn(label: string, min: number, max: number) {
  const range = `${label} must be between ${min} and ${max}`;
  return z
    .int({ error: messages(label, `${label} must be a whole number`) })
    .min(min, range)
    .max(max, range);
}

/** A calendar date, YYYY-MM-DD, that exists (no 2023-02-29). ISO dates order correctly as strings. */
export function isoDate(label: string) {
  return z.iso.date({ error: messages(label, `${label} must be a real date in the form YYYY-MM-DD`) });
}

/** An instant with an explicit offset (`Z` or `+01:00`), so it orders the same on every device. */
export function isoDateTime(label: string) {
  return z.iso.datetime({
    offset: true,
    error: messages(label, `${label} must be a date and time such as 2025-03-14T09:30:00+01:00`),
  });
}

/** Milliseconds since the epoch of an ISO date-time already validated by `isoDateTime`. */
export function instant(dateTime: string): number {
  return Date.parse(dateTime);
}

// Loose on purpose: numbers are written many ways (+33 6 12 34 56 78, 06.12.34.56.78, (514) 555-0199).
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;

export function phone(label: string) {
  return z
    .string({ error: messages(label, `${label} must be text`) })
    .trim()
    .refine((value) => PHONE_CHARACTERS.test(value), {
      message: `${label} may contain only digits, spaces, +, -, dots and parentheses`,
      abort: true,
    })
    .refine(
      (value) => {
        const digits = value.replace(/\D/g, '').length;
        return digits >= 6 && digits <= 20;
      },
      { message: `${label} must have between 6 and 20 digits` },
    );
}

export function email(label: string) {
  return z.email({
    error: messages(label, `${label} must be a valid email address such as name@example.org`),
  });
}

/** An object field whose own failures (wrong type, missing) get a readable message. */
export function group<Shape extends z.ZodRawShape>(label: string, shape: Shape) {
  return z.strictObject(shape, { error: messages(label, `${label} must be a group of fields`) });
}
