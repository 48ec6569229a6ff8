/**
 * Sync server figures, on the real server process (SQLite, loopback):
 * - replicating 10,000 real encrypted envelopes from a Node client A to the server (pushes of 500)
 *   and on to a fresh client B (pulls of 500 to the end);
 * - pull requests/s and p99 latency with 100 connections for 10 s (autocannon), beside the
 *   hello-world `/healthz` of the same server, which is the ceiling of the HTTP stack itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptRecord } from '../shared/crypto/record-envelope.ts';
import { initCrypto } from '../shared/crypto/sodium.ts';
import { generateKey } from '../shared/crypto/symmetric-key.ts';
import type { Envelope } from '../shared/schema/envelope.ts';
import {
  pullAll,
  push,
  register,
  serverFetcher,
  signIn,
  testVault,
} from '../sync-server/src/testing/api-client.ts';
import { create } from '../sync-server/src/testing/envelopes.ts';
import { freePort } from '../sync-server/src/testing/postgres-cluster.ts';
import { spawnServer } from '../sync-server/src/testing/spawned-server.ts';
import { report } from './measure.ts';

const RECORDS = 10_000;
const BATCH = 500;

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function encryptedRecords(count: number): Envelope[] {
  const key = generateKey();
  return Array.from({ length: count }, (_, i) => {
    const binding = { id: `rec${i}`, profileId: 'prf1', kind: 'record', rev: 1 };
    const record = {
      kind: 'note',
      schemaVersion: 1,
      title: `Note ${i}`,
      body: 'Lorem ipsum dolor sit amet. '.repeat(12),
    };
    return {
      ...binding,
      kind: 'record' as const,
      updatedAt: 0,
      _deleted: false,
      ...encryptRecord(binding, record, key),
    };
  });
}

async function load(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const result = await autocannon({ url, connections: 100, duration: 10, ...init });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return `${Math.round(result.requests.average).toLocaleString('en')} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
}

export async function benchSync(): Promise<void> {
  await initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-'));
  const server = await spawnServer({ port: await freePort(), dataDir: dir, quiet: true });
  try {
    const http = serverFetcher(server.baseUrl);
    const vault = testVault('bench@example.org');
    const tokenA = await register(http, vault);
    const tokenB = (await signIn(http, vault)).token;
    const docs = encryptedRecords(RECORDS);
    const bytes = docs.reduce((sum, d) => sum + d.ciphertext.length, 0);

    const start = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) {
      const { conflicts } = await push(http, tokenA, docs.slice(i, i + BATCH).map(create));
      if (conflicts.length > 0) throw new Error('unexpected conflicts');
    }
    const pushed = performance.now();
    const { documents } = await pullAll(http, tokenB, BATCH);
    const pulled = performance.now();
    if (documents.length !== RECORDS) throw new Error(`B received ${documents.length} of ${RECORDS}`);
    report(
      `Replicate ${RECORDS.toLocaleString('en')} records A → server → B (SQLite)`,
      `${Math.round(pulled - start)} ms (push ${Math.round(pushed - start)}, pull ${Math.round(pulled - pushed)}; ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MiB ciphertext)`,
    );

    report('GET /healthz, 100 connections, 10 s', await load(`${server.baseUrl}/healthz`));
    report(
      'POST /api/sync/pull (100 docs/page), 100 connections, 10 s',
      await load(`${server.baseUrl}/api/sync/pull`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokenB}` },
        body: JSON.stringify({ checkpoint: { seq: RECORDS / 2 }, batchSize: 100 }),
      }),
    );
    report(
      'POST /api/sync/pull (caught up, empty), 100 connections, 10 s',
      await load(`${server.baseUrl}/api/sync/pull`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokenB}` },
        body: JSON.stringify({ checkpoint: { seq: RECORDS }, batchSize: 100 }),
      }),
    );
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone with `npx tsx bench/sync.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchSync();
