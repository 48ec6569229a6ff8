/**
 * Document metadata. The file itself is stored as encrypted chunk envelopes (kind `blob`); this
 * record, encrypted like any other, says what the file is and how to check it once reassembled.
 */

import { integerIn, isoDate, messages, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

/** Per-file limit, stated in the UI next to the upload button. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DOCUMENT_CATEGORIES = [
  'prescription',
  'report',
  'image',
  'lab',
  'imaging',
  'letter',
  'other',
] as const;

// type/subtype per RFC 6838, parameters not allowed (they would add nothing here).
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/** Path separators and control characters would make a risky download name. */
export function isSafeFileName(name: string): boolean {
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '/' || char === '\\' || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

export const documentSchema = z.strictObject({
  kind: z.literal('document'),
  schemaVersion,
  title: text('Title'),
  fileName: text('File name', 255).refine(isSafeFileName, {
    message: 'File name must not contain slashes, backslashes or control characters',
  }),
  mediaType: z
    .string({ error: messages('Media type', 'Media type must be text') })
    .regex(MEDIA_TYPE, 'Media type must be a MIME type such as application/pdf or image/jpeg'),
  sizeBytes: z
    .int({ error: messages('File size', 'File size must be a whole number of bytes') })
    .min(1, 'The file is empty')
    .max(MAX_DOCUMENT_BYTES, 'Files larger than 20 MB (20,971,520 bytes) cannot be stored'),
  category: oneOf('Category', DOCUMENT_CATEGORIES),
  date: isoDate('Date'),
  chunkCount: integerIn('Chunk count', 1, 100_000),
  /** SHA-256 of the plaintext file, checked after the chunks are decrypted and joined. */
  sha256: z
    .string({ error: messages('SHA-256 digest', 'SHA-256 digest must be text') })
    .regex(/^[0-9a-f]{64}$/, 'SHA-256 digest must be 64 lowercase hexadecimal characters'),
  note: text('Note', TEXT_MAX.medium).optional(),
  /**
   * The practitioner entry whose signed attachment this file is: the document is read-only, and
   * shown as verified only while that entry verifies and signs this very SHA-256.
   */
  fromEntry: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Entry id must be 1 to 64 letters, digits, dashes or underscores')
    .optional(),
});

export type DocumentRecord = z.infer<typeof documentSchema>;
