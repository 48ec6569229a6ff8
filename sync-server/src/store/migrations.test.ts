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

describe('SQLite migration 9 (devices)', () => {
  it('gives sessions made before it an id and times, so they are listed and can be ended', async () => {
    const file = join(dir, 'before-devices.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
    for (const m of SQLITE_MIGRATIONS.filter((m) => m.version <= 8)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
    }
    db.prepare(
      "INSERT INTO accounts (id, email_hash, keyring, auth_public_key, created_at) VALUES ('a', 'h', '{}', 'pk', 0)",
    ).run();
    const expiresAt = 40 * 24 * 3600 * 1000;
    db.prepare(
      "INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ('t1', 'a', ?), ('t2', 'a', ?)",
    ).run(expiresAt, expiresAt);
    db.close();

    const store = openSqliteStore(file);
    try {
      const devices = await store.listSessions('a', 0);
      expect(devices).toHaveLength(2);
      expect(new Set(devices.map((d) => d.id)).size).toBe(2);
      expect(devices[0]).toMatchObject({ name: '', createdAt: 10 * 24 * 3600 * 1000 });
      const id = devices[0]?.id ?? '';
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(await store.endSession('a', id, 'signed-out-elsewhere', 0)).toMatch(/^t[12]$/);
    } finally {
      await store.close();
    }
  });
});
