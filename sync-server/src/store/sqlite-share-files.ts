/** SQLite implementation of the share files of the Store (share-store.ts, `ShareFileStore`). */
import type Database from 'better-sqlite3';
import { type ShareFileRow, type ShareFileStore, toShareFile } from './share-store.ts';

/** Deletes the files the owner shared: at revocation, and for shares the purge ends. */
export const DELETE_OWNER_FILES_SQL = `DELETE FROM share_files WHERE share_id = ? AND uploader_id =
  (SELECT owner_id FROM shares WHERE id = ?)`;

/** The same for every ended share (the purge's condition on `shares`). */
export const PURGE_OWNER_FILES_SQL = `DELETE FROM share_files WHERE EXISTS (SELECT 1 FROM shares s
  WHERE s.id = share_files.share_id AND s.owner_id = share_files.uploader_id
    AND (s.revoked_at IS NOT NULL OR s.expires_at <= ?))`;

export function sqliteShareFileStore(db: Database.Database): ShareFileStore {
  const q = {
    count: db.prepare('SELECT COUNT(*) AS n FROM share_files WHERE share_id = ?'),
    insert: db.prepare(`INSERT INTO share_files (share_id, id, uploader_id, chunk_count, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (share_id, id) DO NOTHING`),
    get: db.prepare('SELECT * FROM share_files WHERE share_id = ? AND id = ?'),
    list: db.prepare('SELECT * FROM share_files WHERE share_id = ? ORDER BY created_at, id'),
    putChunk: db.prepare(`INSERT INTO share_file_chunks (share_id, file_id, idx, data) VALUES (?, ?, ?, ?)
      ON CONFLICT (share_id, file_id, idx) DO NOTHING`),
    getChunk: db.prepare('SELECT data FROM share_file_chunks WHERE share_id = ? AND file_id = ? AND idx = ?'),
    delete: db.prepare('DELETE FROM share_files WHERE share_id = ? AND id = ?'),
  };
  return {
    async createShareFile(file, maxFiles) {
      // One synchronous connection: the count and the insert cannot interleave with another write.
      return db.transaction(() => {
        if ((q.count.get(file.shareId) as { n: number }).n >= maxFiles) return 'full' as const;
        const added = q.insert.run(file.shareId, file.id, file.uploaderId, file.chunkCount, file.createdAt);
        return added.changes === 1 ? ('created' as const) : ('id-taken' as const);
      })();
    },
    async getShareFile(shareId, fileId) {
      const row = q.get.get(shareId, fileId) as ShareFileRow | undefined;
      return row ? toShareFile(row) : null;
    },
    async putShareFileChunk(shareId, fileId, index, data) {
      return q.putChunk.run(shareId, fileId, index, data).changes === 1;
    },
    async getShareFileChunk(shareId, fileId, index) {
      return (q.getChunk.get(shareId, fileId, index) as { data: string } | undefined)?.data ?? null;
    },
    async deleteShareFile(shareId, fileId) {
      return q.delete.run(shareId, fileId).changes === 1;
    },
    async listShareFiles(shareId) {
      return (q.list.all(shareId) as ShareFileRow[]).map(toShareFile);
    },
  };
}
