/**
 * Storage of messaging (docs/architecture.md §8.5) and of the directory's reads, part of the `Store`
 * interface, with a SQLite and a PostgreSQL implementation run through one contract suite
 * (messages.contract.ts). Both run the SQL below (positional question-mark parameters, renumbered $1, $2… for PostgreSQL).
 *
 * What is kept: threads (id, opener, time, the last server seq), per participant its role, its
 * wrapped copy of the thread key (opaque), an archived flag and its delivered and read cursors;
 * message envelopes as JSON (opaque ciphertext and signature, plus the plaintext header the
 * envelope schema lists); attachment chunk ciphertexts; blocks. Nothing here decrypts.
 *
 * Invariants:
 * - Each thread has a strictly increasing `seq`; a message takes the next one in the same
 *   transaction as its insert, under the thread's row lock, so a listing by `seq` never skips one
 *   that commits late.
 * - A sender's own counter is unique per thread: the same envelope again is a `duplicate` (a
 *   retried post), another envelope with the same counter is `seq-taken` (nothing stored).
 * - Cursors only move forward and never past the thread's `seq`.
 * - Deleting an account removes its participations, messages, attachments and blocks
 *   (ON DELETE CASCADE); the other participant's participation stays, and a thread left with no
 *   participant is deleted in the same transaction (`deleteOrphanThreads`).
 */
import type { ParticipantRole } from '../../../shared/protocol/messages.ts';

export interface NewThread {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly participants: readonly {
    readonly accountId: string;
    readonly role: ParticipantRole;
    readonly wrappedKeyJson: string;
  }[];
}

export interface ThreadParticipant {
  readonly accountId: string;
  readonly role: ParticipantRole;
  readonly wrappedKeyJson: string;
  readonly archived: boolean;
  readonly deliveredSeq: number;
  readonly readSeq: number;
}

export interface ThreadRecord {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly seq: number;
  readonly participants: readonly ThreadParticipant[];
}

export interface NewMessage {
  readonly threadId: string;
  readonly senderId: string;
  readonly senderSeq: number;
  readonly envelopeJson: string;
  readonly bytes: number;
  readonly receivedAt: number;
}

export interface StoredMessage {
  readonly seq: number;
  readonly receivedAt: number;
  readonly senderId: string;
  readonly envelopeJson: string;
}

export type AddMessageOutcome =
  | { readonly outcome: 'stored' | 'duplicate'; readonly seq: number; readonly receivedAt: number }
  | { readonly outcome: 'seq-taken' | 'no-thread' };

export interface AttachmentRecord {
  readonly uploaderId: string;
  readonly chunkCount: number;
  readonly uploaded: number;
}

export interface MessageStore {
  /** 'id-taken' when a thread with this id exists (whoever opened it). */
  createThread(thread: NewThread): Promise<'created' | 'id-taken'>;
  getThread(id: string): Promise<ThreadRecord | null>;
  /** The threads the account takes part in, newest activity first, with its unread count. */
  listThreads(accountId: string): Promise<(ThreadRecord & { readonly unread: number })[]>;
  /** False when the account is not a participant. */
  setArchived(threadId: string, accountId: string, archived: boolean): Promise<boolean>;
  addMessage(message: NewMessage): Promise<AddMessageOutcome>;
  listMessages(threadId: string, afterSeq: number, limit: number): Promise<StoredMessage[]>;
  /** Moves the account's cursors forward (never back, never past the thread's seq). */
  moveCursors(threadId: string, accountId: string, delivered?: number, read?: number): Promise<boolean>;
  /** Bytes of the account's messages and attachment chunks another participant has not acknowledged. */
  pendingBytes(accountId: string): Promise<number>;
  /** Whether `senderId` posted a message in a thread `recipientId` takes part in. */
  hasWrittenTo(senderId: string, recipientId: string): Promise<boolean>;

  /** Its position is the thread's next seq: it counts as pending until delivered past it. */
  createAttachment(
    threadId: string,
    id: string,
    uploaderId: string,
    chunkCount: number,
    now: number,
  ): Promise<'created' | 'id-taken'>;
  getAttachment(threadId: string, id: string): Promise<AttachmentRecord | null>;
  /** Chunks are written once: false when this index was already stored. */
  putChunk(threadId: string, id: string, index: number, data: string): Promise<boolean>;
  getChunk(threadId: string, id: string, index: number): Promise<string | null>;

  block(accountId: string, blockedId: string, now: number): Promise<void>;
  unblock(accountId: string, blockedId: string): Promise<void>;
  listBlocked(accountId: string): Promise<string[]>;
  isBlocked(accountId: string, blockedId: string): Promise<boolean>;

  /** Every practitioner profile (the directory filters the listed ones). */
  listPractitionerProfiles(): Promise<{ readonly accountId: string; readonly profileJson: string }[]>;
}

export interface ParticipantRow {
  thread_id: string;
  account_id: string;
  role: string;
  wrapped_key: string;
  archived: number | boolean;
  delivered_seq: number | string;
  read_seq: number | string;
}

export interface ThreadRow {
  id: string;
  created_by: string;
  created_at: number | string;
  seq: number | string;
  unread?: number | string;
}

export function toParticipant(row: ParticipantRow): ThreadParticipant {
  return {
    accountId: row.account_id,
    role: row.role as ParticipantRole,
    wrappedKeyJson: row.wrapped_key,
    archived: Boolean(row.archived),
    deliveredSeq: Number(row.delivered_seq),
    readSeq: Number(row.read_seq),
  };
}

export function toThread(row: ThreadRow, participants: readonly ParticipantRow[]): ThreadRecord {
  return {
    id: row.id,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    seq: Number(row.seq),
    participants: participants.filter((p) => p.thread_id === row.id).map(toParticipant),
  };
}

export interface MessageRow {
  seq: number | string;
  received_at: number | string;
  sender_id: string;
  envelope: string;
}

export function toMessage(row: MessageRow): StoredMessage {
  return {
    seq: Number(row.seq),
    receivedAt: Number(row.received_at),
    senderId: row.sender_id,
    envelopeJson: row.envelope,
  };
}

/** Shared SQL; parameters are positional question marks, in order. */
export const MESSAGE_SQL = {
  insertThread: 'INSERT INTO threads (id, created_by, created_at, seq) VALUES (?, ?, ?, 0)',
  insertParticipant: `INSERT INTO thread_participants (thread_id, account_id, role, wrapped_key)
    VALUES (?, ?, ?, ?)`,
  thread: 'SELECT id, created_by, created_at, seq FROM threads WHERE id = ?',
  participants: 'SELECT * FROM thread_participants WHERE thread_id = ? ORDER BY role, account_id',
  threadsOf: `SELECT t.id, t.created_by, t.created_at, t.seq,
      (SELECT COUNT(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.sender_id <> p.account_id
         AND m.seq > p.read_seq) AS unread
    FROM threads t JOIN thread_participants p ON p.thread_id = t.id
    WHERE p.account_id = ? ORDER BY t.seq DESC, t.created_at DESC`,
  participantsOfThreadsOf: `SELECT q.* FROM thread_participants q WHERE q.thread_id IN
    (SELECT thread_id FROM thread_participants WHERE account_id = ?) ORDER BY q.role, q.account_id`,
  archive: 'UPDATE thread_participants SET archived = ? WHERE thread_id = ? AND account_id = ?',
  messageBySenderSeq: `SELECT seq, received_at, envelope FROM thread_messages
    WHERE thread_id = ? AND sender_id = ? AND sender_seq = ?`,
  bumpSeq: 'UPDATE threads SET seq = seq + 1 WHERE id = ? RETURNING seq',
  insertMessage: `INSERT INTO thread_messages (thread_id, seq, sender_id, sender_seq, received_at, envelope, bytes)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  messages: `SELECT seq, received_at, sender_id, envelope FROM thread_messages
    WHERE thread_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  moveCursors: `UPDATE thread_participants SET
      delivered_seq = MAX_OF(delivered_seq, MIN_OF(?, (SELECT seq FROM threads WHERE id = ?))),
      read_seq = MAX_OF(read_seq, MIN_OF(?, (SELECT seq FROM threads WHERE id = ?)))
    WHERE thread_id = ? AND account_id = ?`,
  pendingBytes: `SELECT
      COALESCE((SELECT SUM(m.bytes) FROM thread_messages m WHERE m.sender_id = ? AND EXISTS
        (SELECT 1 FROM thread_participants p WHERE p.thread_id = m.thread_id AND p.account_id <> m.sender_id
           AND p.delivered_seq < m.seq)), 0)
    + COALESCE((SELECT SUM(c.bytes) FROM attachment_chunks c JOIN thread_attachments a
        ON a.thread_id = c.thread_id AND a.id = c.attachment_id WHERE a.uploader_id = ? AND EXISTS
        (SELECT 1 FROM thread_participants p WHERE p.thread_id = a.thread_id AND p.account_id <> a.uploader_id
           AND p.delivered_seq < a.position)), 0) AS n`,
  hasWrittenTo: `SELECT 1 AS x FROM thread_messages m JOIN thread_participants p ON p.thread_id = m.thread_id
    WHERE m.sender_id = ? AND p.account_id = ? LIMIT 1`,
  insertAttachment: `INSERT INTO thread_attachments (thread_id, id, uploader_id, chunk_count, position, created_at)
    SELECT id, ?, ?, ?, seq + 1, ? FROM threads WHERE id = ?`,
  attachment: `SELECT a.uploader_id, a.chunk_count,
      (SELECT COUNT(*) FROM attachment_chunks c WHERE c.thread_id = a.thread_id AND c.attachment_id = a.id)
        AS uploaded
    FROM thread_attachments a WHERE a.thread_id = ? AND a.id = ?`,
  // `bytes` sits before `data`, so summing it never reads the chunk pages themselves.
  insertChunk: `INSERT INTO attachment_chunks (thread_id, attachment_id, idx, bytes, data) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING`,
  chunk: 'SELECT data FROM attachment_chunks WHERE thread_id = ? AND attachment_id = ? AND idx = ?',
  block: `INSERT INTO message_blocks (account_id, blocked_id, created_at) VALUES (?, ?, ?)
    ON CONFLICT DO NOTHING`,
  unblock: 'DELETE FROM message_blocks WHERE account_id = ? AND blocked_id = ?',
  blocked: 'SELECT blocked_id FROM message_blocks WHERE account_id = ? ORDER BY created_at, blocked_id',
  isBlocked: 'SELECT 1 AS x FROM message_blocks WHERE account_id = ? AND blocked_id = ?',
  practitioners: 'SELECT account_id, profile FROM practitioners ORDER BY account_id',
  /** After an account deletion: a thread nobody takes part in any more goes, with its messages. */
  deleteOrphanThreads: `DELETE FROM threads
    WHERE NOT EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = threads.id)`,
} as const;

/** SQLite spells the two-argument maximum and minimum MAX and MIN, PostgreSQL GREATEST and LEAST. */
export function dialect(sql: string, kind: 'sqlite' | 'postgres'): string {
  if (kind === 'sqlite') return sql.replaceAll('MAX_OF(', 'MAX(').replaceAll('MIN_OF(', 'MIN(');
  let n = 0;
  return sql
    .replaceAll('MAX_OF(', 'GREATEST(')
    .replaceAll('MIN_OF(', 'LEAST(')
    .replaceAll('?', () => {
      n += 1;
      return `$${n}`;
    });
}
