/**
 * The replication protocol (docs/architecture.md §6), RxDB-style over HTTP, shared by client and server.
 *
 * - Pull `(checkpoint, batchSize, kind?) → {documents, checkpoint}`: documents strictly after the
 *   checkpoint, in the order of a per-account sequence the server assigns under a lock in the same
 *   transaction as the write. `seq` is that sequence, never a timestamp: concurrent transactions
 *   can commit timestamps out of order, and a puller would skip the late one. With `kind`, only
 *   documents of that kind are returned (one collection pulls only its own); the checkpoint is
 *   still the `seq` of the last document returned, or the request's when none is.
 * - Push `rows → conflicts`: for each row the server compares the plaintext `rev` of its copy with
 *   `assumedMasterState.rev` (never the ciphertext, which changes on every encryption). On a
 *   mismatch it keeps its copy and returns it as a conflict. Pushes are retried, so they are
 *   idempotent: a row whose new state the server already holds is not a conflict.
 * - Stream: `change` events, and `resync` on every (re)connect, after which the client pulls.
 */

import { messages } from '../schema/common.ts';
import { ENVELOPE_KINDS, envelopeSchema } from '../schema/envelope.ts';
import { z } from '../schema/zod.ts';
import { messageEventSchema } from './messages.ts';

export const MAX_BATCH_SIZE = 500;

export const checkpointSchema = z.strictObject(
  {
    seq: z
      .int({ error: messages('Checkpoint sequence', 'Checkpoint sequence must be a whole number') })
      .min(0, 'Checkpoint sequence must not be negative'),
  },
  { error: messages('Checkpoint', 'Checkpoint must be an object such as {"seq": 42}') },
);
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pullRequestSchema = z.strictObject({
  /** null on the first pull: start from the beginning. */
  checkpoint: checkpointSchema.nullable(),
  batchSize: z
    .int({ error: messages('Batch size', 'Batch size must be a whole number') })
    .min(1, `Batch size must be between 1 and ${MAX_BATCH_SIZE}`)
    .max(MAX_BATCH_SIZE, `Batch size must be between 1 and ${MAX_BATCH_SIZE}`),
  /** Only documents of this kind; absent: every kind. */
  kind: z
    .enum(ENVELOPE_KINDS, { error: messages('Kind', `Kind must be one of: ${ENVELOPE_KINDS.join(', ')}`) })
    .optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

function envelopeList(label: string) {
  return z
    .array(envelopeSchema, { error: messages(label, `${label} must be a list`) })
    .max(MAX_BATCH_SIZE, `${label} may hold at most ${MAX_BATCH_SIZE} documents`);
}

export const pullResponseSchema = z.strictObject({
  documents: envelopeList('Documents'),
  /** Where the next pull starts; the request's checkpoint (or seq 0) when nothing is new. */
  checkpoint: checkpointSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

const pushRowSchema = z
  .strictObject({
    /** The server copy this write was based on; null for a document the client believes is new. */
    assumedMasterState: envelopeSchema.nullable(),
    newDocumentState: envelopeSchema,
  })
  .superRefine((row, ctx) => {
    const assumed = row.assumedMasterState;
    const next = row.newDocumentState;
    if (assumed === null) return;
    if (assumed.id !== next.id || assumed.profileId !== next.profileId || assumed.kind !== next.kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['newDocumentState'],
        message: 'The new state must have the same id, profile and kind as the assumed master state',
      });
    }
    if (next.rev <= assumed.rev) {
      ctx.addIssue({
        code: 'custom',
        path: ['newDocumentState', 'rev'],
        message: 'The new revision must be higher than the assumed master revision',
      });
    }
  });
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushRequestSchema = z
  .strictObject({
    rows: z
      .array(pushRowSchema, { error: messages('Rows', 'Rows must be a list') })
      .min(1, 'A push must contain at least one row')
      .max(MAX_BATCH_SIZE, `A push may contain at most ${MAX_BATCH_SIZE} rows`),
  })
  .superRefine((push, ctx) => {
    // Two writes to one document in one push have no defined order: the client must send one.
    const seen = new Set<string>();
    push.rows.forEach((row, i) => {
      const id = row.newDocumentState.id;
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'newDocumentState', 'id'],
          message: `Document ${id} appears more than once in this push`,
        });
      }
      seen.add(id);
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.strictObject({
  /** The server's master copies for the rows whose assumed revision did not match. */
  conflicts: envelopeList('Conflicts'),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const streamMessageSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('change'),
      documents: envelopeList('Documents'),
      checkpoint: checkpointSchema,
    }),
    /** Sent on every (re)connect: the client may have missed events and must pull. */
    z.strictObject({ type: z.literal('resync') }),
    /** A message was stored in a thread of this account: fetch it after the thread's cursor. */
    messageEventSchema,
  ],
  { error: 'Stream message type must be one of: change, resync, message' },
);
export type StreamMessage = z.infer<typeof streamMessageSchema>;
