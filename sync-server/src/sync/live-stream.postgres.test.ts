/** Two server instances on one PostgreSQL: a write on one reaches a stream on the other (LISTEN/NOTIFY). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { createApp } from '../app.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import {
  freshProof,
  jsonInit,
  push,
  register,
  serverFetcher,
  signIn,
  testVault,
} from '../testing/api-client.ts';
import { create, envelope, withoutTime } from '../testing/envelopes.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { SseReader } from '../testing/sse-reader.ts';
import { LOOSE_RATE_LIMITS } from '../testing/test-app.ts';

describe('live stream across instances (PostgreSQL)', () => {
  let cluster: PostgresCluster;
  const stores: Store[] = [];
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    await initCrypto();
    cluster = await startPostgresCluster();
    const serverKey = sodium().randombytes_buf(32); // shared, as SERVER_SECRET would be
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore(cluster.url);
      stores.push(store);
      const app = createApp({
        api: { store, serverKey, rateLimits: LOOSE_RATE_LIMITS, heartbeatMs: 60_000 },
      });
      servers.push(await listen(app));
    }
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
    await cluster?.stop();
  });

  it('delivers a push made on instance 2 to a stream open on instance 1, then ends it on deletion', async () => {
    const [one, two] = servers.map((s) => serverFetcher(s.baseUrl));
    if (!one || !two) throw new Error('two servers expected');
    const vault = testVault('multi@example.org');
    const tokenOnTwo = await register(two, vault);
    const tokenOnOne = (await signIn(one, vault)).token; // sessions are shared through the database

    const res = await one('/api/sync/stream', { headers: { Authorization: `Bearer ${tokenOnOne}` } });
    const stream = new SseReader(res);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });

    const doc = envelope('from-two');
    await push(two, tokenOnTwo, [create(doc)]);
    const change = await stream.nextMessage();
    if (change?.type !== 'change') throw new Error('expected a change');
    expect(change.documents.map(withoutTime)).toEqual([withoutTime(doc)]);
    expect(change.checkpoint).toEqual({ seq: 1 });

    const proof = await freshProof(two, tokenOnTwo, vault);
    expect((await two('/api/account', jsonInit('DELETE', { proof }, tokenOnTwo))).status).toBe(204);
    expect(await stream.nextMessage()).toBeNull();
  });
});
