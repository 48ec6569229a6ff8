/** SQLite implementation of the share methods of the Store (share-store.ts). */
import type Database from 'better-sqlite3';
import {
  ATTEMPT_COLUMNS,
  type PendingRow,
  SHARE_COLUMNS,
  SHARE_COLUMNS_OF_S,
  type ShareLogRow,
  type ShareRow,
  type ShareStore,
  toLogEntry,
  toPending,
  toShare,
} from './share-store.ts';
import { DELETE_OWNER_FILES_SQL, PURGE_OWNER_FILES_SQL, sqliteShareFileStore } from './sqlite-share-files.ts';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

export function sqliteShareStore(db: Database.Database): ShareStore {
  const perPath = (sql: (columns: { count: string; locked: string }) => string) => ({
    link: db.prepare(sql(ATTEMPT_COLUMNS.link)),
    code: db.prepare(sql(ATTEMPT_COLUMNS.code)),
  });
  const q = {
    insert: db.prepare(`INSERT INTO shares (id, owner_id, mode, sections, created_at, expires_at, token_hash,
      has_passcode, code_lookup, code_proof_hash, wrapped_key, snapshot_version, snapshot_nonce, snapshot,
      owner_secret, single_use) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    byId: db.prepare(`SELECT ${SHARE_COLUMNS} FROM shares WHERE id = ?`),
    byLookup: db.prepare(
      `SELECT ${SHARE_COLUMNS} FROM shares WHERE code_lookup = ? ORDER BY created_at DESC, id`,
    ),
    byOwner: db.prepare(`SELECT ${SHARE_COLUMNS} FROM shares WHERE owner_id = ? ORDER BY created_at DESC`),
    snapshot: db.prepare(
      'SELECT snapshot_version, snapshot_nonce, snapshot FROM shares WHERE id = ? AND purged_at IS NULL',
    ),
    putSnapshot: db.prepare(`UPDATE shares SET snapshot_version = ?, snapshot_nonce = ?, snapshot = ?
      WHERE id = ? AND owner_id = ? AND snapshot_version < ? AND purged_at IS NULL`),
    countActive: db.prepare(
      'SELECT COUNT(*) AS n FROM shares WHERE owner_id = ? AND revoked_at IS NULL AND expires_at > ?',
    ),
    purgeEnded: db.prepare(`UPDATE shares SET snapshot = '', snapshot_nonce = '', wrapped_key = NULL,
      code_proof_hash = NULL, purged_at = ?
      WHERE purged_at IS NULL AND (revoked_at IS NOT NULL OR expires_at <= ?)`),
    deleteOwnerFiles: db.prepare(DELETE_OWNER_FILES_SQL),
    purgeOwnerFiles: db.prepare(PURGE_OWNER_FILES_SQL),
    revoke: db.prepare(
      'UPDATE shares SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND owner_id = ?',
    ),
    use: db.prepare(`UPDATE shares SET used_at = ?, revoked_at = ?
      WHERE id = ? AND single_use = 1 AND used_at IS NULL AND revoked_at IS NULL`),
    reserve: perPath(
      ({ count, locked }) => `UPDATE shares SET ${count} = ${count} + 1,
      ${locked} = CASE WHEN ${count} + 1 >= ? THEN ? ELSE NULL END
      WHERE id = ? AND ${locked} IS NULL AND ${count} < ? RETURNING id`,
    ),
    release: perPath(
      ({ count, locked }) => `UPDATE shares SET ${count} = ${count} - 1, ${locked} = NULL
      WHERE id = ? AND ${count} > 0`,
    ),
    addLog: db.prepare(`INSERT INTO share_log (share_id, at, action, actor_id, actor, profession, sections,
      version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    log: db.prepare('SELECT * FROM share_log WHERE share_id = ? ORDER BY at, seq'),
    countEntries: db.prepare('SELECT COUNT(*) AS n FROM share_entries WHERE share_id = ?'),
    addEntry: db.prepare(`INSERT INTO share_entries (id, share_id, sealed, created_at, author_id, author_name,
      author_sign_pk) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (share_id, id) DO NOTHING`),
    entries: db.prepare('SELECT * FROM share_entries WHERE share_id = ? ORDER BY created_at, id'),
    deleteEntry: db.prepare('DELETE FROM share_entries WHERE share_id = ? AND id = ?'),
    putPractitioner: db.prepare(`INSERT INTO practitioners (account_id, profile, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (account_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`),
    practitioner: db.prepare('SELECT profile FROM practitioners WHERE account_id = ?'),
    received: db.prepare(`SELECT ${SHARE_COLUMNS_OF_S},
        MAX(l.at) AS last_opened_at
      FROM share_log l JOIN shares s ON s.id = l.share_id
      WHERE l.actor_id = ? AND l.action = 'open' GROUP BY s.id ORDER BY last_opened_at DESC`),
  };
  return {
    ...sqliteShareFileStore(db),
    async createShare(s) {
      try {
        q.insert.run(
          s.id,
          s.ownerId,
          s.mode,
          JSON.stringify(s.sections),
          s.createdAt,
          s.expiresAt,
          s.tokenHash,
          s.hasPasscode ? 1 : 0,
          s.lookupId,
          s.codeProofHash,
          s.wrappedKeyJson,
          s.snapshot.version,
          s.snapshot.nonce,
          s.snapshot.ciphertext,
          s.ownerSecretJson,
          s.singleUse ? 1 : 0,
        );
        return 'created';
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return 'id-taken';
      }
    },
    async getShare(id) {
      const row = q.byId.get(id) as ShareRow | undefined;
      return row ? toShare(row) : null;
    },
    async findSharesByLookup(lookupId) {
      return (q.byLookup.all(lookupId) as ShareRow[]).map(toShare);
    },
    async listShares(ownerId) {
      return (q.byOwner.all(ownerId) as ShareRow[]).map(toShare);
    },
    async getSnapshot(id) {
      const row = q.snapshot.get(id) as
        | { snapshot_version: number; snapshot_nonce: string; snapshot: string }
        | undefined;
      return row
        ? { version: row.snapshot_version, nonce: row.snapshot_nonce, ciphertext: row.snapshot }
        : null;
    },
    async putSnapshot(id, ownerId, snap) {
      return (
        q.putSnapshot.run(snap.version, snap.nonce, snap.ciphertext, id, ownerId, snap.version).changes === 1
      );
    },
    async revokeShare(id, ownerId, now) {
      return db.transaction(() => {
        const revoked = q.revoke.run(now, id, ownerId).changes === 1;
        if (revoked) q.deleteOwnerFiles.run(id, id);
        return revoked;
      })();
    },
    async useShare(id, now) {
      return q.use.run(now, now, id).changes === 1;
    },
    async reserveShareAttempt(id, now, maxFailures, path = 'link') {
      return q.reserve[path].get(maxFailures, now, id, maxFailures) !== undefined;
    },
    async releaseShareAttempt(id, path = 'link') {
      q.release[path].run(id);
    },
    async addShareLog(e) {
      q.addLog.run(
        e.shareId,
        e.at,
        e.action,
        e.actorId,
        e.actor,
        e.profession,
        JSON.stringify(e.sections),
        e.version ?? null,
      );
    },
    async listShareLog(shareId) {
      return (q.log.all(shareId) as ShareLogRow[]).map(toLogEntry);
    },
    async addPendingEntry(e, maxPending) {
      // One synchronous connection: the count and the insert cannot interleave with another write.
      return db.transaction(() => {
        if ((q.countEntries.get(e.shareId) as { n: number }).n >= maxPending) return false;
        q.addEntry.run(e.id, e.shareId, e.sealed, e.createdAt, e.authorId, e.authorName, e.authorSignPk);
        return true;
      })();
    },
    async listPendingEntries(shareId) {
      return (q.entries.all(shareId) as PendingRow[]).map(toPending);
    },
    async deletePendingEntry(shareId, entryId) {
      q.deleteEntry.run(shareId, entryId);
    },
    async putPractitioner(accountId, profileJson, now) {
      q.putPractitioner.run(accountId, profileJson, now);
    },
    async getPractitioner(accountId) {
      return (q.practitioner.get(accountId) as { profile: string } | undefined)?.profile ?? null;
    },
    async countActiveShares(ownerId, now) {
      return (q.countActive.get(ownerId, now) as { n: number }).n;
    },
    async purgeEndedShares(now) {
      return db.transaction(() => {
        q.purgeOwnerFiles.run(now);
        return q.purgeEnded.run(now, now).changes;
      })();
    },
    async listReceivedShares(accountId) {
      return (q.received.all(accountId) as (ShareRow & { last_opened_at: number })[]).map((row) => ({
        ...toShare(row),
        lastOpenedAt: Number(row.last_opened_at),
      }));
    },
  };
}
