/**
 * What a thread message says, inside its ciphertext (docs/architecture.md §8.5): text, a structured
 * request from a practitioner ("more information", "a new document", "a clearer copy of document
 * X"), the answer's link to the request, and the attachments with their keys. The server never
 * sees any of it; the device validates it after `verifyThread` says the message is genuine.
 */
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_CHUNKS } from '../protocol/messages.ts';
import { integerIn, messages, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { isSafeFileName } from './document.ts';
import { z } from './zod.ts';

export const THREAD_REQUEST_TYPES = ['more-information', 'new-document', 'clearer-copy'] as const;

const base64url = (label: string, length: number) =>
  z
    .string({ error: messages(label, `${label} must be text`) })
    .regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), `${label} must be ${length} base64url characters`);

export const attachmentRefSchema = z.strictObject({
  id: base64url('Attachment id', 22),
  key: base64url('Attachment key', 43),
  name: text('File name', 255).refine(isSafeFileName, {
    message: 'File name must not contain slashes, backslashes or control characters',
  }),
  mediaType: z
    .string({ error: messages('Media type', 'Media type must be text') })
    .regex(
      /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i,
      'Media type must be a MIME type',
    ),
  size: integerIn('File size', 0, ATTACHMENT_MAX_BYTES),
  sha256: z
    .string({ error: messages('SHA-256 digest', 'SHA-256 digest must be text') })
    .regex(/^[0-9a-f]{64}$/, 'SHA-256 digest must be 64 lowercase hexadecimal characters'),
  chunkCount: integerIn('Chunk count', 1, ATTACHMENT_MAX_CHUNKS),
});

export const threadContentSchema = z
  .strictObject({
    schemaVersion,
    text: text('Message', TEXT_MAX.long).optional(),
    /** A practitioner's structured request; the patient answers it by attaching. */
    request: z
      .strictObject({
        type: oneOf('Request', THREAD_REQUEST_TYPES),
        /** For `clearer-copy`: the document as the practitioner saw it (its title). */
        document: text('Document', TEXT_MAX.short).optional(),
      })
      .refine((r) => r.type !== 'clearer-copy' || r.document !== undefined, {
        message: 'Say which document needs a clearer copy',
      })
      .optional(),
    /** The message this one answers: the other participant's own `seq`. */
    answers: integerIn('Answered message', 1, Number.MAX_SAFE_INTEGER).optional(),
    /** The patient profile the thread is about, named in the opener's first message. */
    profile: z.strictObject({ id: text('Profile id', 64), name: text('Profile name') }).optional(),
    attachments: z.array(attachmentRefSchema).max(10, 'At most 10 attachments per message').optional(),
  })
  .refine((c) => c.text !== undefined || c.request !== undefined || (c.attachments?.length ?? 0) > 0, {
    message: 'A message needs text, a request or an attachment',
  });

export type ThreadContent = z.infer<typeof threadContentSchema>;
export type AttachmentRefContent = z.infer<typeof attachmentRefSchema>;
