/** PostgreSQL implementation of the share files of the Store (share-store.ts, `ShareFileStore`). */
import type pg from 'pg';
import { type ShareFileRow, type ShareFileStore, toShareFile } from './share-store.ts';

export const DELETE_OWNER_FILES_SQL = `DELETE FROM share_files WHERE share_id = $1 AND uploader_id =
  (SELECT owner_id FROM shares WHERE id = $1)`;

export const PURGE_OWNER_FILES_SQL = `DELETE FROM share_files f USING shares s
  WHERE s.id = f.share_id AND s.owner_id = f.uploader_id AND (s.revoked_at IS NOT NULL OR s.expires_at <= $1)`;

export function postgresShareFileStore(pool: pg.Pool): ShareFileStore {
  return {
    async createShareFile(file, maxFiles) {
      // One statement, the share's row locked first: parallel declarations on one share queue here,
      // so the count cannot pass `maxFiles`.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT id FROM shares WHERE id = $1 FOR UPDATE', [file.shareId]);
        const { rows } = await client.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM share_files WHERE share_id = $1',
          [file.shareId],
        );
        if (Number(rows[0]?.n ?? 0) >= maxFiles) {
          await client.query('ROLLBACK');
          return 'full';
        }
        const added = await client.query(
          `INSERT INTO share_files (share_id, id, uploader_id, chunk_count, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (share_id, id) DO NOTHING`,
          [file.shareId, file.id, file.uploaderId, file.chunkCount, file.createdAt],
        );
        await client.query('COMMIT');
        return added.rowCount === 1 ? 'created' : 'id-taken';
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async getShareFile(shareId, fileId) {
      const { rows } = await pool.query<ShareFileRow>(
        'SELECT * FROM share_files WHERE share_id = $1 AND id = $2',
        [shareId, fileId],
      );
      return rows[0] ? toShareFile(rows[0]) : null;
    },
    async putShareFileChunk(shareId, fileId, index, data) {
      const result = await pool.query(
        `INSERT INTO share_file_chunks (share_id, file_id, idx, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (share_id, file_id, idx) DO NOTHING`,
        [shareId, fileId, index, data],
      );
      return result.rowCount === 1;
    },
    async getShareFileChunk(shareId, fileId, index) {
      const { rows } = await pool.query<{ data: string }>(
        'SELECT data FROM share_file_chunks WHERE share_id = $1 AND file_id = $2 AND idx = $3',
        [shareId, fileId, index],
      );
      return rows[0]?.data ?? null;
    },
    async deleteShareFile(shareId, fileId) {
      const result = await pool.query('DELETE FROM share_files WHERE share_id = $1 AND id = $2', [
        shareId,
        fileId,
      ]);
      return result.rowCount === 1;
    },
    async listShareFiles(shareId) {
      const { rows } = await pool.query<ShareFileRow>(
        'SELECT * FROM share_files WHERE share_id = $1 ORDER BY created_at, id',
        [shareId],
      );
      return rows.map(toShareFile);
    },
  };
}
