/** Upgrading a PostgreSQL database made before the quota, code-lock and session-reason migrations. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { openPostgresStore } from './postgres.ts';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('PostgreSQL migrations from version 4', () => {
  it('fills the stored-bytes count, moves lookup ids and keeps sessions live', async () => {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE old4');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/old4');
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    for (const m of POSTGRES_MIGRATIONS.filter((m) => m.version <= 4)) {
      await db.query(m.sql);
      await db.query('INSERT INTO schema_migrations VALUES ($1, $2, 0)', [m.version, m.name]);
    }
    await db.query(`INSERT INTO accounts (id, email_hash, keyring, auth_public_key, created_at)
      VALUES ('a', 'h', '{}', 'pk', 0)`);
    for (const [id, seq, text] of [
      ['d1', 1, 'x'.repeat(120)],
      ['d2', 2, 'y'.repeat(30)],
    ] as const) {
      await db.query(
        `INSERT INTO documents (account_id, id, seq, profile_id, kind, rev, updated_at, deleted, key_id,
           schema_version, nonce, ciphertext) VALUES ('a', $1, $2, 'p', 'record', 1, 0, false, 'k', 1, 'n', $3)`,
        [id, seq, text],
      );
    }
    await db.query(`INSERT INTO shares (id, owner_id, mode, sections, created_at, expires_at, token_hash,
      has_passcode, lookup_id, code_proof_hash, wrapped_key, snapshot_version, snapshot_nonce, snapshot)
      VALUES ('s1', 'a', 'read', '["allergy"]', 0, 10, 't', false, 'ABC123', 'ph', '{}', 1, 'n', 'c')`);
    await db.query("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ('tok', 'a', 1000)");
    await db.end();

    const store = await openPostgresStore(url, 2);
    try {
      expect((await store.getAccount('a'))?.storedBytes).toBe(150);
      const [share] = await store.findSharesByLookup('ABC123');
      expect(share).toMatchObject({
        id: 's1',
        lookupId: 'ABC123',
        codeFailedAttempts: 0,
        codeLockedAt: null,
      });
      // Migration 9 gave the old session a public id: it is listed and can be ended by it.
      const found = await store.findSession('tok', 0);
      expect(found).toMatchObject({ accountId: 'a', expiresAt: 1000, deviceName: '', lastSeenAt: 0 });
      expect(found?.id).toMatch(/^[0-9a-f]{32}$/);
      expect((await store.listSessions('a', 0)).map((d) => d.id)).toEqual([found?.id]);
      // A second share may now use the same lookup id.
      const created = await store.createShare({
        id: 's2',
        ownerId: 'a',
        mode: 'read',
        sections: ['allergy'],
        createdAt: 1,
        expiresAt: 10,
        tokenHash: 't2',
        hasPasscode: false,
        lookupId: 'ABC123',
        codeProofHash: 'ph2',
        wrappedKeyJson: '{}',
        ownerSecretJson: null,
        snapshot: { version: 1, nonce: 'n', ciphertext: 'c' },
      });
      expect(created).toBe('created');
    } finally {
      await store.close();
    }
  });
});
