/**
 * PostgreSQL implementation of the messaging methods of the Store (message-store.ts). A message
 * takes the thread's row lock (`SELECT … FOR UPDATE`) before numbering, so concurrent posts to one
 * thread get their `seq` in commit order; posts to different threads do not wait for each other.
 */
import type pg from 'pg';
import {
  dialect,
  MESSAGE_SQL,
  type MessageRow,
  type MessageStore,
  type ParticipantRow,
  type ThreadRow,
  toMessage,
  toThread,
} from './message-store.ts';
import { inTransaction } from './postgres.ts';
import { NOTIFY_CHANNEL, notifyPayload } from './postgres-notify.ts';

const SQL = Object.fromEntries(
  Object.entries(MESSAGE_SQL).map(([name, sql]) => [name, dialect(sql, 'postgres')]),
) as Record<keyof typeof MESSAGE_SQL, string>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

export function postgresMessageStore(pool: pg.Pool): MessageStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<R>(sql, params)).rows;
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await rows<R>(sql, params))[0];

  return {
    async createThread(thread) {
      try {
        await inTransaction(pool, async (client) => {
          await client.query(SQL.insertThread, [thread.id, thread.createdBy, thread.createdAt]);
          for (const p of thread.participants) {
            await client.query(SQL.insertParticipant, [thread.id, p.accountId, p.role, p.wrappedKeyJson]);
          }
        });
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'id-taken';
        throw error;
      }
    },
    async getThread(id) {
      const row = await one<ThreadRow>(SQL.thread, [id]);
      return row ? toThread(row, await rows<ParticipantRow>(SQL.participants, [id])) : null;
    },
    async listThreads(accountId) {
      const threads = await rows<ThreadRow>(SQL.threadsOf, [accountId]);
      const participants = await rows<ParticipantRow>(SQL.participantsOfThreadsOf, [accountId]);
      return threads.map((row) => ({ ...toThread(row, participants), unread: Number(row.unread ?? 0) }));
    },
    async setArchived(threadId, accountId, archived) {
      return (await pool.query(SQL.archive, [archived, threadId, accountId])).rowCount === 1;
    },
    async addMessage(m) {
      return inTransaction(pool, async (client) => {
        const locked = await client.query('SELECT seq FROM threads WHERE id = $1 FOR UPDATE', [m.threadId]);
        if (locked.rowCount !== 1) return { outcome: 'no-thread' as const };
        const existing = (
          await client.query<{ seq: string; received_at: string; envelope: string }>(SQL.messageBySenderSeq, [
            m.threadId,
            m.senderId,
            m.senderSeq,
          ])
        ).rows[0];
        if (existing) {
          return existing.envelope === m.envelopeJson
            ? {
                outcome: 'duplicate' as const,
                seq: Number(existing.seq),
                receivedAt: Number(existing.received_at),
              }
            : { outcome: 'seq-taken' as const };
        }
        const bumped = (await client.query<{ seq: string }>(SQL.bumpSeq, [m.threadId])).rows[0];
        const seq = Number(bumped?.seq);
        await client.query(SQL.insertMessage, [
          m.threadId,
          seq,
          m.senderId,
          m.senderSeq,
          m.receivedAt,
          m.envelopeJson,
          m.bytes,
        ]);
        // Inside the transaction: the notification is sent only if, and when, the message commits.
        const participants = await client.query<{ account_id: string }>(
          'SELECT account_id FROM thread_participants WHERE thread_id = $1',
          [m.threadId],
        );
        for (const { account_id } of participants.rows) {
          const event = { type: 'message', threadId: m.threadId, seq } as const;
          await client.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, notifyPayload(account_id, event)]);
        }
        return { outcome: 'stored' as const, seq, receivedAt: m.receivedAt };
      });
    },
    async listMessages(threadId, afterSeq, limit) {
      return (await rows<MessageRow>(SQL.messages, [threadId, afterSeq, limit])).map(toMessage);
    },
    async moveCursors(threadId, accountId, delivered, read) {
      const result = await pool.query(SQL.moveCursors, [
        delivered ?? 0,
        threadId,
        read ?? 0,
        threadId,
        threadId,
        accountId,
      ]);
      return result.rowCount === 1;
    },
    async pendingBytes(accountId) {
      return Number((await one<{ n: string }>(SQL.pendingBytes, [accountId, accountId]))?.n ?? 0);
    },
    async hasWrittenTo(senderId, recipientId) {
      return (await one(SQL.hasWrittenTo, [senderId, recipientId])) !== undefined;
    },
    async createAttachment(threadId, id, uploaderId, chunkCount, now) {
      try {
        const result = await pool.query(SQL.insertAttachment, [id, uploaderId, chunkCount, now, threadId]);
        return result.rowCount === 1 ? 'created' : 'id-taken';
      } catch (error) {
        if (isUniqueViolation(error)) return 'id-taken';
        throw error;
      }
    },
    async getAttachment(threadId, id) {
      const row = await one<{ uploader_id: string; chunk_count: string; uploaded: string }>(SQL.attachment, [
        threadId,
        id,
      ]);
      return row
        ? { uploaderId: row.uploader_id, chunkCount: Number(row.chunk_count), uploaded: Number(row.uploaded) }
        : null;
    },
    async putChunk(threadId, id, index, data) {
      return (await pool.query(SQL.insertChunk, [threadId, id, index, data.length, data])).rowCount === 1;
    },
    async getChunk(threadId, id, index) {
      return (await one<{ data: string }>(SQL.chunk, [threadId, id, index]))?.data ?? null;
    },
    async block(accountId, blockedId, now) {
      await pool.query(SQL.block, [accountId, blockedId, now]);
    },
    async unblock(accountId, blockedId) {
      await pool.query(SQL.unblock, [accountId, blockedId]);
    },
    async listBlocked(accountId) {
      return (await rows<{ blocked_id: string }>(SQL.blocked, [accountId])).map((row) => row.blocked_id);
    },
    async isBlocked(accountId, blockedId) {
      return (await one(SQL.isBlocked, [accountId, blockedId])) !== undefined;
    },
    async listPractitionerProfiles() {
      return (await rows<{ account_id: string; profile: string }>(SQL.practitioners, [])).map((row) => ({
        accountId: row.account_id,
        profileJson: row.profile,
      }));
    },
  };
}
