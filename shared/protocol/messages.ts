/**
 * Messaging between a patient and a practitioner (docs/architecture.md §8.5): `/api/threads/*`.
 *
 * The server stores and relays what it cannot read: per participant, the thread key wrapped for
 * them (thread-key.ts); per message, an envelope encrypted under that key and signed by its sender
 * (thread-message.ts); per attachment, chunk ciphertexts under a key carried inside a message
 * (attachment.ts). It numbers each thread's messages in arrival order (`seq`, the cursor) and
 * stamps its own time; it never interprets content. The sender's own `seq` and `sentAt` travel
 * inside the envelope, authenticated, so a reordering or a dropped message is visible on the device.
 */
import { z } from '../schema/zod.ts';
import { base64urlField } from './keyring.ts';

/** Message kinds the server sees; what a message says or asks for is inside the ciphertext. */
export const MESSAGE_KINDS = ['message', 'notice'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Attachments are cut like documents: 512 KiB chunks, at most 20 MiB (shared/crypto/attachment.ts). */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MAX_CHUNKS = ATTACHMENT_MAX_BYTES / ATTACHMENT_CHUNK_BYTES;

/** Reasons of the errors these routes return (also listed in errors.ts). */
export const MESSAGING_ERROR_REASONS = [
  'messaging-not-allowed',
  'blocked',
  'message-rate',
  'pending-quota',
  'attachment-incomplete',
  'seq-taken',
] as const;

/** Messages an account may post per minute (all threads together). */
export const MESSAGES_PER_MINUTE = 30;
/** Threads an account may open per hour. */
export const THREADS_PER_HOUR = 20;
/**
 * Bytes (message ciphertexts and attachment chunks) an account may have on the server that the
 * other participant has not yet acknowledged as delivered.
 */
export const PENDING_BYTES_MAX = 100 * 1024 * 1024;
/** Envelope ciphertext: a long text and a few attachment keys, padded. */
export const MESSAGE_CIPHERTEXT_MAX = 64 * 1024;
/** One chunk: 512 KiB plus nonce and tag, in base64url. */
export const CHUNK_TEXT_MAX = Math.ceil(((ATTACHMENT_CHUNK_BYTES + 24 + 16) * 4) / 3);
export const MESSAGES_PAGE_MAX = 200;

export const threadIdSchema = base64urlField('Thread id', { exact: 22 });
export const accountIdSchema = base64urlField('Account id', { exact: 22 });
export const attachmentIdSchema = base64urlField('Attachment id', { exact: 22 });
const publicKey = (label: string) => base64urlField(label, { exact: 43 });
const seq = z.int('Sequence must be a whole number').min(1).max(Number.MAX_SAFE_INTEGER);
const cursor = z.int('Cursor must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER);

export const wrappedThreadKeySchema = z.strictObject({
  v: z.literal(1),
  recipientAccountId: accountIdSchema,
  recipientBoxPk: publicKey('Recipient box key'),
  wrapperAccountId: accountIdSchema,
  wrapperBoxPk: publicKey('Wrapper box key'),
  wrapperSignPk: publicKey('Wrapper sign key'),
  nonce: base64urlField('Nonce', { exact: 32 }),
  ciphertext: base64urlField('Wrapped key', { exact: 64 }),
  sig: base64urlField('Signature', { exact: 86 }),
});

export const createThreadRequestSchema = z.strictObject({
  id: threadIdSchema,
  /** The other participant. */
  with: accountIdSchema,
  /** The thread key wrapped for each of the two participants, the opener included. */
  keys: z.array(wrappedThreadKeySchema).length(2, 'Wrap the key for exactly the two participants'),
});
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

export const messageEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  threadId: threadIdSchema,
  senderId: accountIdSchema,
  senderKey: base64urlField('Sender key fingerprint', { exact: 22 }),
  seq,
  sentAt: z.int('Time must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER),
  kind: z.enum(MESSAGE_KINDS, 'Kind must be message or notice'),
  attachments: z
    .array(attachmentIdSchema)
    .max(10, 'At most 10 attachments per message')
    .refine((ids) => new Set(ids).size === ids.length, 'Attachments must not repeat'),
  nonce: base64urlField('Nonce', { exact: 32 }),
  ciphertext: base64urlField('Message', { max: MESSAGE_CIPHERTEXT_MAX }),
  sig: base64urlField('Signature', { exact: 86 }),
});
export type MessageEnvelopeMessage = z.infer<typeof messageEnvelopeSchema>;

export const postMessageResponseSchema = z.strictObject({ seq: cursor, receivedAt: z.number() });
export type PostMessageResponse = z.infer<typeof postMessageResponseSchema>;

export const storedMessageSchema = z.strictObject({
  /** The server's order in the thread (the cursor); the sender's own counter is `envelope.seq`. */
  seq: cursor,
  receivedAt: z.number(),
  envelope: messageEnvelopeSchema,
});
export const messagePageSchema = z.strictObject({
  messages: z.array(storedMessageSchema),
  /** Pass as `after` for the next page; the last `seq` returned, or `after` when nothing is new. */
  cursor,
});
export type MessagePage = z.infer<typeof messagePageSchema>;

export const messagesQuerySchema = z.strictObject({
  after: z.coerce.number().pipe(cursor).default(0),
  limit: z.coerce.number().pipe(z.int().min(1).max(MESSAGES_PAGE_MAX)).default(100),
});

export const PARTICIPANT_ROLES = ['patient', 'practitioner'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const threadSummarySchema = z.strictObject({
  id: threadIdSchema,
  createdAt: z.number(),
  createdBy: accountIdSchema,
  /** The last server seq in the thread. */
  seq: cursor,
  archived: z.boolean(),
  /** Messages of the other participant after this account's read cursor. */
  unread: cursor,
  /** This account's copy of the thread key. */
  key: wrappedThreadKeySchema,
  participants: z.array(
    z.strictObject({
      accountId: accountIdSchema,
      role: z.enum(PARTICIPANT_ROLES),
      /** The keys the account publishes today: pin them on first sight, show a change. */
      boxPublicKey: publicKey('Box public key'),
      signPublicKey: publicKey('Sign public key'),
      /** A practitioner's self-declared name; null for a patient (the name is in the messages). */
      name: z.string().max(200).nullable(),
      deliveredSeq: cursor,
      readSeq: cursor,
    }),
  ),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;
export const threadListSchema = z.strictObject({
  accountId: accountIdSchema,
  threads: z.array(threadSummarySchema),
});
export type ThreadList = z.infer<typeof threadListSchema>;

export const archiveRequestSchema = z.strictObject({ archived: z.boolean() });
/** Cursors only move forward; a value past the thread's last seq is cut down to it. */
export const receiptRequestSchema = z
  .strictObject({ delivered: cursor.optional(), read: cursor.optional() })
  .refine((r) => r.delivered !== undefined || r.read !== undefined, 'Give delivered, read or both');

export const createAttachmentRequestSchema = z.strictObject({
  id: attachmentIdSchema,
  chunkCount: z
    .int('Chunk count must be a whole number')
    .min(1)
    .max(ATTACHMENT_MAX_CHUNKS, `At most ${ATTACHMENT_MAX_CHUNKS} chunks (20 MiB)`),
});
export const chunkSchema = z.strictObject({ data: base64urlField('Chunk', { max: CHUNK_TEXT_MAX }) });

export const blockRequestSchema = z.strictObject({ accountId: accountIdSchema });
export const blockListSchema = z.strictObject({ blocked: z.array(accountIdSchema) });

/** Sent on the live stream (`/api/sync/stream`) to every participant when a message is stored. */
export const messageEventSchema = z.strictObject({
  type: z.literal('message'),
  threadId: threadIdSchema,
  seq: cursor,
});
export type MessageEvent = z.infer<typeof messageEventSchema>;
