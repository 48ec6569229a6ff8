/** Upgrading a SQLite database made before the quota and code-lock migrations keeps its data right. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from './migrations.ts';
import { openSqliteStore } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'carnet-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite migrations from version 4', () => {
  it('fills the stored-bytes count from the documents and moves lookup ids to the new column', async () => {
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
    for (const m of SQLITE_MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
    }
    db.prepare(
      "INSERT INTO accounts (id, email_hash, keyring, auth_public_key, created_at) VALUES ('a', 'h', '{}', 'pk', 0)",
    ).run();
    const doc =
      db.prepare(`INSERT INTO documents (account_id, id, seq, profile_id, kind, rev, updated_at, deleted,
      key_id, schema_version, nonce, ciphertext) VALUES ('a', ?, ?, 'p', 'record', 1, 0, 0, 'k', 1, 'n', ?)`);
    doc.run('d1', 1, 'x'.repeat(120));
    doc.run('d2', 2, 'y'.repeat(30));
    db.prepare(`INSERT INTO shares (id, owner_id, mode, sections, created_at, expires_at, token_hash, has_passcode,
      lookup_id, code_proof_hash, wrapped_key, snapshot_version, snapshot_nonce, snapshot)
      VALUES ('s1', 'a', 'read', '["allergy"]', 0, 10, 't', 0, 'ABC123', 'ph', '{}', 1, 'n', 'c')`).run();
    db.close();

    const store = openSqliteStore(file);
    try {
      expect((await store.getAccount('a'))?.storedBytes).toBe(150);
      const [share] = await store.findSharesByLookup('ABC123');
      expect(share).toMatchObject({
        id: 's1',
        lookupId: 'ABC123',
        codeFailedAttempts: 0,
        codeLockedAt: null,
      });
    } finally {
      await store.close();
    }
  });
});
