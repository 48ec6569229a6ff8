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

storeContract('PostgreSQL', () => openPostgresStore(cluster.url));
