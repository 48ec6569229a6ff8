/** PostgreSQL implementation of the share methods of the Store (share-store.ts). */
import type pg from 'pg';
import {
  DELETE_OWNER_FILES_SQL,
  PURGE_OWNER_FILES_SQL,
  postgresShareFileStore,
} from './postgres-share-files.ts';
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

export function postgresShareStore(pool: pg.Pool): ShareStore {
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<R>(sql, params)).rows[0];
  const share = async (sql: string, params: unknown[]) => {
    const row = await one<ShareRow>(sql, params);
    return row ? toShare(row) : null;
  };
  return {
    ...postgresShareFileStore(pool),
    async createShare(s) {
      try {
        await pool.query(
          `INSERT INTO shares (id, owner_id, mode, sections, created_at, expires_at, token_hash, has_passcode,
             code_lookup, code_proof_hash, wrapped_key, snapshot_version, snapshot_nonce, snapshot, owner_secret,
             single_use)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
            s.id,
            s.ownerId,
            s.mode,
            JSON.stringify(s.sections),
            s.createdAt,
            s.expiresAt,
            s.tokenHash,
            s.hasPasscode,
            s.lookupId,
            s.codeProofHash,
            s.wrappedKeyJson,
            s.snapshot.version,
            s.snapshot.nonce,
            s.snapshot.ciphertext,
            s.ownerSecretJson,
            s.singleUse ?? false,
          ],
        );
        return 'created';
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return 'id-taken';
      }
    },
    getShare: (id) => share(`SELECT ${SHARE_COLUMNS} FROM shares WHERE id = $1`, [id]),
    async findSharesByLookup(lookupId) {
      const { rows } = await pool.query<ShareRow>(
        `SELECT ${SHARE_COLUMNS} FROM shares WHERE code_lookup = $1 ORDER BY created_at DESC, id`,
        [lookupId],
      );
      return rows.map(toShare);
    },
    async listShares(ownerId) {
      const { rows } = await pool.query<ShareRow>(
        `SELECT ${SHARE_COLUMNS} FROM shares WHERE owner_id = $1 ORDER BY created_at DESC`,
        [ownerId],
      );
      return rows.map(toShare);
    },
    async getSnapshot(id) {
      const row = await one<{ snapshot_version: string; snapshot_nonce: string; snapshot: string }>(
        'SELECT snapshot_version, snapshot_nonce, snapshot FROM shares WHERE id = $1 AND purged_at IS NULL',
        [id],
      );
      return row
        ? { version: Number(row.snapshot_version), nonce: row.snapshot_nonce, ciphertext: row.snapshot }
        : null;
    },
    async putSnapshot(id, ownerId, snap) {
      const result = await pool.query(
        `UPDATE shares SET snapshot_version = $1, snapshot_nonce = $2, snapshot = $3
         WHERE id = $4 AND owner_id = $5 AND snapshot_version < $1 AND purged_at IS NULL`,
        [snap.version, snap.nonce, snap.ciphertext, id, ownerId],
      );
      return result.rowCount === 1;
    },
    async revokeShare(id, ownerId, now) {
      const result = await pool.query(
        'UPDATE shares SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND owner_id = $3',
        [now, id, ownerId],
      );
      if (result.rowCount !== 1) return false;
      await pool.query(DELETE_OWNER_FILES_SQL, [id]);
      return true;
    },
    async useShare(id, now) {
      // One statement: the row lock makes parallel openings queue, and only the first finds it unused.
      const result = await pool.query(
        `UPDATE shares SET used_at = $1, revoked_at = $1
         WHERE id = $2 AND single_use AND used_at IS NULL AND revoked_at IS NULL`,
        [now, id],
      );
      return result.rowCount === 1;
    },
    async reserveShareAttempt(id, now, maxFailures, path = 'link') {
      const { count, locked } = ATTEMPT_COLUMNS[path];
      // One statement: the row lock makes parallel attempts queue, so at most `maxFailures` pass.
      const result = await pool.query(
        `UPDATE shares SET ${count} = ${count} + 1,
           ${locked} = CASE WHEN ${count} + 1 >= $1 THEN $2::BIGINT ELSE NULL END
         WHERE id = $3 AND ${locked} IS NULL AND ${count} < $1 RETURNING id`,
        [maxFailures, now, id],
      );
      return result.rowCount === 1;
    },
    async releaseShareAttempt(id, path = 'link') {
      const { count, locked } = ATTEMPT_COLUMNS[path];
      await pool.query(
        `UPDATE shares SET ${count} = ${count} - 1, ${locked} = NULL WHERE id = $1 AND ${count} > 0`,
        [id],
      );
    },
    async addShareLog(e) {
      await pool.query(
        `INSERT INTO share_log (share_id, at, action, actor_id, actor, profession, sections, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.shareId,
          e.at,
          e.action,
          e.actorId,
          e.actor,
          e.profession,
          JSON.stringify(e.sections),
          e.version ?? null,
        ],
      );
    },
    async listShareLog(shareId) {
      const { rows } = await pool.query<ShareLogRow>(
        'SELECT * FROM share_log WHERE share_id = $1 ORDER BY at, seq',
        [shareId],
      );
      return rows.map(toLogEntry);
    },
    async addPendingEntry(e, maxPending) {
      // The share's row lock serialises concurrent writers to one share, so the count holds.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT 1 FROM shares WHERE id = $1 FOR UPDATE', [e.shareId]);
        const { rows } = await client.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM share_entries WHERE share_id = $1',
          [e.shareId],
        );
        if (Number(rows[0]?.n) >= maxPending) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query(
          `INSERT INTO share_entries (id, share_id, sealed, created_at, author_id, author_name, author_sign_pk)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (share_id, id) DO NOTHING`,
          [e.id, e.shareId, e.sealed, e.createdAt, e.authorId, e.authorName, e.authorSignPk],
        );
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listPendingEntries(shareId) {
      const { rows } = await pool.query<PendingRow>(
        'SELECT * FROM share_entries WHERE share_id = $1 ORDER BY created_at, id',
        [shareId],
      );
      return rows.map(toPending);
    },
    async deletePendingEntry(shareId, entryId) {
      await pool.query('DELETE FROM share_entries WHERE share_id = $1 AND id = $2', [shareId, entryId]);
    },
    async putPractitioner(accountId, profileJson, now) {
      await pool.query(
        `INSERT INTO practitioners (account_id, profile, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
        [accountId, profileJson, now],
      );
    },
    async getPractitioner(accountId) {
      const row = await one<{ profile: string }>('SELECT profile FROM practitioners WHERE account_id = $1', [
        accountId,
      ]);
      return row?.profile ?? null;
    },
    async countActiveShares(ownerId, now) {
      const row = await one<{ n: string }>(
        'SELECT COUNT(*) AS n FROM shares WHERE owner_id = $1 AND revoked_at IS NULL AND expires_at > $2',
        [ownerId, now],
      );
      return Number(row?.n ?? 0);
    },
    async purgeEndedShares(now) {
      await pool.query(PURGE_OWNER_FILES_SQL, [now]);
      const result = await pool.query(
        `UPDATE shares SET snapshot = '', snapshot_nonce = '', wrapped_key = NULL, code_proof_hash = NULL,
           purged_at = $1
         WHERE purged_at IS NULL AND (revoked_at IS NOT NULL OR expires_at <= $1)`,
        [now],
      );
      return result.rowCount ?? 0;
    },
    async listReceivedShares(accountId) {
      const { rows } = await pool.query<ShareRow & { last_opened_at: string }>(
        `SELECT ${SHARE_COLUMNS_OF_S}, MAX(l.at) AS last_opened_at
         FROM share_log l JOIN shares s ON s.id = l.share_id
         WHERE l.actor_id = $1 AND l.action = 'open' GROUP BY s.id ORDER BY last_opened_at DESC`,
        [accountId],
      );
      return rows.map((row) => ({ ...toShare(row), lastOpenedAt: Number(row.last_opened_at) }));
    },
  };
}
