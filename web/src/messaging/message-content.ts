/**
 * What a thread message says, inside its ciphertext (docs/architecture.md §8.5): a text, the family
 * profile it is written for, a structured request of a practitioner ("more information", "a new
 * document", "a clearer copy of document X") or the request it answers, and the keys of its
 * attachments. Parsed after verification: a verified message whose content does not parse, or
 * whose attachment keys do not match the ids bound into its header, is shown as tampered.
 */
import { z } from '../../../shared/schema/zod.ts';

export const REQUEST_TYPES = ['more-info', 'new-document', 'clearer-copy'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

const attachmentRefSchema = z.strictObject({
  id: z.string().length(22),
  key: z.string().length(43),
  name: z.string().min(1).max(255),
  mediaType: z.string().max(255),
  size: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chunkCount: z.int().min(1).max(40),
});
export type AttachmentRefContent = z.infer<typeof attachmentRefSchema>;

export const messageRequestSchema = z.strictObject({
  /** Random; an answer names it. */
  id: z.string().min(1).max(64),
  type: z.enum(REQUEST_TYPES),
  /** For `clearer-copy`: which document, in the practitioner's words. */
  document: z.string().max(200).optional(),
});
export type MessageRequest = z.infer<typeof messageRequestSchema>;

export const messageContentSchema = z.strictObject({
  text: z.string().max(20_000),
  /** The family profile the account holder writes for (its name), patients only. */
  for: z.string().max(200).optional(),
  request: messageRequestSchema.optional(),
  /** The id of the request this message answers. */
  answers: z.string().min(1).max(64).optional(),
  attachments: z.array(attachmentRefSchema).max(10).optional(),
});
export type MessageContent = z.infer<typeof messageContentSchema>;

/** The content when it parses and its attachments are exactly the header's ids; null otherwise. */
export function parseContent(content: unknown, headerIds: readonly string[]): MessageContent | null {
  const parsed = messageContentSchema.safeParse(content);
  if (!parsed.success) return null;
  const ids = (parsed.data.attachments ?? []).map((a) => a.id);
  if (ids.length !== headerIds.length || ids.some((id, i) => id !== headerIds[i])) return null;
  return parsed.data;
}
