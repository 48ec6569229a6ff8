/**
 * Where a loaded pull spends the server's CPU: runs the real server with `--cpu-prof`, seeds 10,000
 * encrypted records, loads `POST /api/sync/pull` (100 documents a page, 100 connections, 10 s), stops
 * the server (the profile is written on exit) and prints the functions with the most self time,
 * grouped by package. Not part of `npm run bench`: run `npx tsx bench/pull-profile.ts` when the pull
 * figure moves. The .cpuprofile stays in the printed folder for Chromium's DevTools.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptRecord } from '../shared/crypto/record-envelope.ts';
import { initCrypto } from '../shared/crypto/sodium.ts';
import { generateKey } from '../shared/crypto/symmetric-key.ts';
import { push, register, serverFetcher, testVault } from '../sync-server/src/testing/api-client.ts';
import { create } from '../sync-server/src/testing/envelopes.ts';
import { freePort } from '../sync-server/src/testing/postgres-cluster.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
type Autocannon = (options: Record<string, unknown>) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
}>;
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

await initCrypto();
const dir = mkdtempSync(join(tmpdir(), 'carnet-profile-'));
const profiles = join(dir, 'profiles');
const port = await freePort();
// Node refuses --cpu-prof in NODE_OPTIONS, so the server is started here rather than by spawnServer.
const child = spawn(
  process.execPath,
  [`--cpu-prof`, `--cpu-prof-dir=${profiles}`, '--import', 'tsx', 'sync-server/src/main.ts'],
  {
    cwd: new URL('..', import.meta.url).pathname,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir },
    stdio: 'ignore',
  },
);
const exited = new Promise((resolve) => child.once('exit', resolve));
const server = { baseUrl: `http://127.0.0.1:${port}` };
for (let i = 0; ; i++) {
  const up = await fetch(`${server.baseUrl}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (i > 400) throw new Error('server did not start');
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const http = serverFetcher(server.baseUrl);
const token = await register(http, testVault('profile@example.org'));
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
  await push(http, token, docs.map(create));
}
const result = await autocannon({
  url: `${server.baseUrl}/api/sync/pull`,
  connections: 100,
  duration: 10,
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  body: JSON.stringify({ checkpoint: { seq: 5_000 }, batchSize: 100 }),
});
console.log(
  `pull under profile: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
child.kill('SIGTERM');
await exited;

const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const us = profile.timeDeltas[i] ?? 0;
  if (!node) return;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(sync-server|shared)\//, '$1/');
  const label = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  self.set(label, (self.get(label) ?? 0) + us);
  const pkg = url.includes('node_modules/')
    ? (url.split('node_modules/')[1] ?? '')
        .split('/')
        .slice(0, 2)
        .join('/')
        .replace(/\/[^@].*$/, '')
    : url.startsWith('node:') || url === ''
      ? functionName.startsWith('(')
        ? functionName
        : 'node internals'
      : url.includes('/sync-server/')
        ? 'sync-server'
        : url.includes('/shared/')
          ? 'shared'
          : url;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
});
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`\nself time by package (${(total / 1e6).toFixed(1)} s sampled):`);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${pct(us)}  ${pkg}`);
console.log('\ntop functions by self time:');
for (const [label, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${pct(us)}  ${label}`);
console.log(`\nprofile: ${join(profiles, file)}`);
