/** SQLite implementation of the messaging methods of the Store (message-store.ts). */
import type Database from 'better-sqlite3';
import type { ChangeFanout } from './change-fanout.ts';
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

export function sqliteMessageStore(db: Database.Database, fanout: ChangeFanout): MessageStore {
  const q = Object.fromEntries(
    Object.entries(MESSAGE_SQL).map(([name, sql]) => [name, db.prepare(dialect(sql, 'sqlite'))]),
  ) as Record<keyof typeof MESSAGE_SQL, Database.Statement>;

  const createThreadTx = db.transaction((thread: Parameters<MessageStore['createThread']>[0]) => {
    q.insertThread.run(thread.id, thread.createdBy, thread.createdAt);
    for (const p of thread.participants)
      q.insertParticipant.run(thread.id, p.accountId, p.role, p.wrappedKeyJson);
  });

  const addMessageTx = db.transaction((m: Parameters<MessageStore['addMessage']>[0]) => {
    const existing = q.messageBySenderSeq.get(m.threadId, m.senderId, m.senderSeq) as
      | { seq: number; received_at: number; envelope: string }
      | undefined;
    if (existing) {
      return existing.envelope === m.envelopeJson
        ? { outcome: 'duplicate' as const, seq: existing.seq, receivedAt: existing.received_at }
        : { outcome: 'seq-taken' as const };
    }
    const bumped = q.bumpSeq.get(m.threadId) as { seq: number } | undefined;
    if (!bumped) return { outcome: 'no-thread' as const };
    q.insertMessage.run(
      m.threadId,
      bumped.seq,
      m.senderId,
      m.senderSeq,
      m.receivedAt,
      m.envelopeJson,
      m.bytes,
    );
    return { outcome: 'stored' as const, seq: bumped.seq, receivedAt: m.receivedAt };
  });

  return {
    async createThread(thread) {
      try {
        createThreadTx.immediate(thread);
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'id-taken';
        throw error;
      }
    },
    async getThread(id) {
      const row = q.thread.get(id) as ThreadRow | undefined;
      return row ? toThread(row, q.participants.all(id) as ParticipantRow[]) : null;
    },
    async listThreads(accountId) {
      const rows = q.threadsOf.all(accountId) as ThreadRow[];
      const participants = q.participantsOfThreadsOf.all(accountId) as ParticipantRow[];
      return rows.map((row) => ({ ...toThread(row, participants), unread: Number(row.unread ?? 0) }));
    },
    async setArchived(threadId, accountId, archived) {
      return q.archive.run(archived ? 1 : 0, threadId, accountId).changes === 1;
    },
    async addMessage(message) {
      const outcome = addMessageTx.immediate(message);
      // After the commit, as for documents: a stream never announces what did not commit.
      if (outcome.outcome === 'stored') {
        for (const p of q.participants.all(message.threadId) as ParticipantRow[]) {
          fanout.publish(p.account_id, { type: 'message', threadId: message.threadId, seq: outcome.seq });
        }
      }
      return outcome;
    },
    async listMessages(threadId, afterSeq, limit) {
      return (q.messages.all(threadId, afterSeq, limit) as MessageRow[]).map(toMessage);
    },
    async moveCursors(threadId, accountId, delivered, read) {
      return (
        q.moveCursors.run(delivered ?? 0, threadId, read ?? 0, threadId, threadId, accountId).changes === 1
      );
    },
    async pendingBytes(accountId) {
      return Number((q.pendingBytes.get(accountId, accountId) as { n: number }).n);
    },
    async hasWrittenTo(senderId, recipientId) {
      return q.hasWrittenTo.get(senderId, recipientId) !== undefined;
    },
    async createAttachment(threadId, id, uploaderId, chunkCount, now) {
      try {
        const changes = q.insertAttachment.run(id, uploaderId, chunkCount, now, threadId).changes;
        return changes === 1 ? 'created' : 'id-taken';
      } catch (error) {
        if (isUniqueViolation(error)) return 'id-taken';
        throw error;
      }
    },
    async getAttachment(threadId, id) {
      const row = q.attachment.get(threadId, id) as
        | { uploader_id: string; chunk_count: number; uploaded: number }
        | undefined;
      return row
        ? { uploaderId: row.uploader_id, chunkCount: Number(row.chunk_count), uploaded: Number(row.uploaded) }
        : null;
    },
    async putChunk(threadId, id, index, data) {
      return q.insertChunk.run(threadId, id, index, data.length, data).changes === 1;
    },
    async getChunk(threadId, id, index) {
      return (q.chunk.get(threadId, id, index) as { data: string } | undefined)?.data ?? null;
    },
    async block(accountId, blockedId, now) {
      q.block.run(accountId, blockedId, now);
    },
    async unblock(accountId, blockedId) {
      q.unblock.run(accountId, blockedId);
    },
    async listBlocked(accountId) {
      return (q.blocked.all(accountId) as { blocked_id: string }[]).map((row) => row.blocked_id);
    },
    async isBlocked(accountId, blockedId) {
      return q.isBlocked.get(accountId, blockedId) !== undefined;
    },
    async listPractitionerProfiles() {
      return (q.practitioners.all() as { account_id: string; profile: string }[]).map((row) => ({
        accountId: row.account_id,
        profileJson: row.profile,
      }));
    },
  };
}
