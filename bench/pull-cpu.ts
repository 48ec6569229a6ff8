/**
 * CPU time the server spends on one `POST /api/sync/pull` of 100 documents, measured in-process
 * (`app.request()`, SQLite, the full middleware chain minus the socket), as the process's CPU time
 * over 2,000 sequential requests. Unlike latency under autocannon it barely moves when other work
 * shares the machine, so before/after comparisons hold on a loaded machine. Median of 5 rounds.
 * Run alone: `npx tsx bench/pull-cpu.ts`.
 */
import { encryptRecord } from '../shared/crypto/record-envelope.ts';
import { generateKey } from '../shared/crypto/symmetric-key.ts';
import { jsonInit, push, register, testVault } from '../sync-server/src/testing/api-client.ts';
import { create } from '../sync-server/src/testing/envelopes.ts';
import { createTestApp } from '../sync-server/src/testing/test-app.ts';
import { median } from './measure.ts';

const t = await createTestApp();
const token = await register(t.fetcher, testVault('cpu@example.org'));
const key = generateKey();
for (let i = 0; i < 10_000; i += 500) {
  const docs = Array.from({ length: 500 }, (_, j) => {
    const binding = { id: `rec${i + j}`, profileId: 'prf1', kind: 'record', rev: 1 };
    const body = { kind: 'note', schemaVersion: 1, title: `Note ${i + j}`, body: 'Lorem ipsum. '.repeat(26) };
    return {
      ...binding,
      kind: 'record' as const,
      updatedAt: 0,
      _deleted: false,
      ...encryptRecord(binding, body, key),
    };
  });
  await push(t.fetcher, token, docs.map(create));
}
const init = jsonInit('POST', { checkpoint: { seq: 5_000 }, batchSize: 100 }, token);
const once = async () => {
  const res = await t.app.request('/api/sync/pull', init);
  await res.text();
};
for (let i = 0; i < 500; i++) await once(); // warm the JIT
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const start = process.cpuUsage();
  for (let i = 0; i < 2_000; i++) await once();
  const used = process.cpuUsage(start);
  rounds.push((used.user + used.system) / 2_000);
}
console.log(
  `pull of 100 documents: ${median(rounds).toFixed(0)} µs CPU a request (median of 5 rounds: ${rounds
    .map((us) => us.toFixed(0))
    .join(', ')})`,
);
await t.close();
