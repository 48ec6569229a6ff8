import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { openPostgresStore } from './postgres.ts';
import { storeContract } from './store.contract.ts';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

/** A client of its own: every table of the public schema, each row as PostgreSQL renders it. */
async function readAllRows() {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const found = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = found.rows.map((t) => t.name);
    const rows = [];
    for (const table of tables) {
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
      rows.push(...result.rows.map((r) => ({ table, row: r.row })));
    }
    return { tables, rows };
  } finally {
    await client.end();
  }
}

storeContract('PostgreSQL', () => openPostgresStore(cluster.url), readAllRows);
