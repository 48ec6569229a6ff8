/**
 * main.ts itself, twice, on one PostgreSQL (DATABASE_URL and the same SERVER_SECRET): an account made
 * through one process signs in through the other, and a waiting room on one hears a patient on the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../shared/protocol/calls.ts';
import { NodeWebSocket as WebSocket } from './signaling/node-ws.ts';
import { type Fetcher, jsonInit, register, serverFetcher, signIn, testVault } from './testing/api-client.ts';
import { freePort, type PostgresCluster, startPostgresCluster } from './testing/postgres-cluster.ts';
import { type SpawnedServer, spawnServer } from './testing/spawned-server.ts';

const parent = mkdtempSync(join(tmpdir(), 'carnet-scale-'));
let cluster: PostgresCluster;
const servers: SpawnedServer[] = [];

beforeAll(async () => {
  await initCrypto();
  cluster = await startPostgresCluster();
  const env = { DATABASE_URL: cluster.url, SERVER_SECRET: 'the-same-secret-on-every-instance-here' };
  // One after the other: the first applies the migrations (the second would wait on their lock anyway).
  for (const name of ['one', 'two']) {
    servers.push(await spawnServer({ port: await freePort(), dataDir: join(parent, name), env }));
  }
}, 90_000);

afterAll(async () => {
  for (const server of servers) await server.stop('SIGTERM').catch(() => null);
  await cluster?.stop();
  rmSync(parent, { recursive: true, force: true });
}, 30_000);

async function socket(server: SpawnedServer, http: Fetcher, session: string, purpose: 'room' | 'guest') {
  const res = await http('/api/calls/token', jsonInit('POST', { purpose }, session));
  expect(res.status).toBe(200);
  const issued = (await res.json()) as CallTokenResponse;
  const query = new URLSearchParams({ key: PEERJS_KEY, id: issued.peerId, token: issued.token });
  const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/peerjs/peerjs?${query}`);
  const first = await new Promise((resolve, reject) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.once('error', reject);
  });
  expect(first).toEqual({ type: 'OPEN' });
  return { ws, peerId: issued.peerId };
}

it('two main.ts processes on one database: sign-in and a call across them, then a clean shutdown', async () => {
  const [a, b] = servers;
  if (!a || !b) throw new Error('two servers expected');
  const httpA = serverFetcher(a.baseUrl);
  const httpB = serverFetcher(b.baseUrl);
  const doctorVault = testVault('main-doctor@example.org');
  await register(httpA, doctorVault);
  // Same SERVER_SECRET, so the keyed email hash is the same: the account is found through B.
  const doctor = (await signIn(httpB, doctorVault)).token;
  const profile = { name: 'Dr Main', profession: 'General practitioner', professionalId: '9' };
  expect((await httpB('/api/practitioners/me', jsonInit('PUT', profile, doctor))).status).toBe(200);
  const patient = await register(httpB, testVault('main-patient@example.org'));

  const room = await socket(a, httpA, doctor, 'room');
  const guest = await socket(b, httpB, patient, 'guest');
  const heard = new Promise((resolve) =>
    room.ws.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
  guest.ws.send(JSON.stringify({ type: 'OFFER', dst: room.peerId, payload: { sdp: 'knock' } }));
  expect(await heard).toEqual({
    type: 'OFFER',
    src: guest.peerId,
    dst: room.peerId,
    payload: { sdp: 'knock' },
  });
  // Both still shut down cleanly (exit 0) with signaling sockets and the relay open.
  expect(await a.stop('SIGTERM')).toBe(0);
  expect(await b.stop('SIGTERM')).toBe(0);
});
