/**
 * The entry point as operators run it: SQLite under DATA_DIR by default, PostgreSQL when
 * DATABASE_URL is set, and a clean exit on SIGTERM even with live streams open.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium.ts';
import { SERVER_SECRET_FILE } from './auth/server-secret.ts';
import { SQLITE_FILE_NAME } from './store/sqlite.ts';
import { pullAll, push, register, serverFetcher, testVault } from './testing/api-client.ts';
import { create, envelope } from './testing/envelopes.ts';
import { freePort, type PostgresCluster, startPostgresCluster } from './testing/postgres-cluster.ts';
import { spawnServer } from './testing/spawned-server.ts';
import { SseReader } from './testing/sse-reader.ts';

const parent = mkdtempSync(join(tmpdir(), 'carnet-main-'));
beforeAll(() => initCrypto());
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('main.ts', () => {
  it('keeps its data in SQLite under DATA_DIR and exits 0 on SIGTERM with a stream open', async () => {
    const dataDir = join(parent, 'sqlite-data');
    const server = await spawnServer({ port: await freePort(), dataDir });
    const http = serverFetcher(server.baseUrl);
    const token = await register(http, testVault('main@example.org'));
    await push(http, token, [create(envelope('kept'))]);
    const stream = new SseReader(
      await http('/api/sync/stream', { headers: { Authorization: `Bearer ${token}` } }),
    );
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });

    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stream.nextMessage()).toBeNull();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, SERVER_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    expect(server.output()).toContain('"store":"sqlite"');

    // Restarted on the same folder: same data, same server secret (the email still signs in).
    const again = await spawnServer({ port: await freePort(), dataDir });
    try {
      const prelogin = await serverFetcher(again.baseUrl)('/api/auth/prelogin', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'main@example.org' }),
      });
      expect((await prelogin.json()).kdf).toBe('kdf1$argon2id13$m=65536$t=3');
      const docs = await pullAll(serverFetcher(again.baseUrl), token);
      expect(docs.documents.map((d) => d.id)).toEqual(['kept']);
    } finally {
      await again.stop();
    }
  }, 60_000);

  describe('with DATABASE_URL', () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgresCluster();
    }, 60_000);
    afterAll(() => cluster?.stop());

    it('stores in PostgreSQL, not in DATA_DIR, and never prints the connection string', async () => {
      const dataDir = join(parent, 'pg-data');
      const server = await spawnServer({
        port: await freePort(),
        dataDir,
        env: { DATABASE_URL: cluster.url, SERVER_SECRET: 'a shared secret for every instance, 32+' },
      });
      const http = serverFetcher(server.baseUrl);
      const token = await register(http, testVault('pg@example.org'));
      await push(http, token, [create(envelope('in-postgres'))]);
      expect(await server.stop('SIGTERM')).toBe(0);

      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(false);
      expect(existsSync(join(dataDir, SERVER_SECRET_FILE))).toBe(false);
      expect(server.output()).toContain('"store":"postgres"');
      expect(server.output()).not.toContain(cluster.url);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string }>('SELECT id FROM documents');
        expect(rows.map((r) => r.id)).toEqual(['in-postgres']);
      } finally {
        await client.end();
      }
    }, 60_000);
  });
});
