/**
 * The same replay checks against main.ts as a process, through its HTTP and WebSocket surface only
 * (what a browser or an attacker sees): a room token used twice does not take the room over, and a
 * token issued before logout opens nothing after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import { jsonInit, register, serverFetcher, signIn, testVault } from '../testing/api-client.ts';
import { freePort } from '../testing/postgres-cluster.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';
import { NodeWebSocket as WebSocket } from './node-ws.ts';

const parent = mkdtempSync(join(tmpdir(), 'carnet-replay-'));
let server: SpawnedServer;
beforeAll(async () => {
  await initCrypto();
  server = await spawnServer({ port: await freePort(), dataDir: join(parent, 'data') });
}, 30_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(parent, { recursive: true, force: true });
});

type Outcome = { kind: 'open'; socket: WebSocket } | { kind: 'refused'; status: number };

function connect(id: string, token: string): Promise<Outcome> {
  const query = new URLSearchParams({ key: PEERJS_KEY, version: '1.5.5', id, token });
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/peerjs/peerjs?${query}`);
    const timer = setTimeout(() => reject(new Error('no answer')), 5_000);
    socket.once('message', () => {
      clearTimeout(timer);
      resolve({ kind: 'open', socket });
    });
    socket.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
    });
    socket.once('error', () => {});
  });
}

async function callToken(session: string, purpose: 'room' | 'guest'): Promise<CallTokenResponse> {
  const res = await serverFetcher(server.baseUrl)('/api/calls/token', jsonInit('POST', { purpose }, session));
  expect(res.status).toBe(200);
  return (await res.json()) as CallTokenResponse;
}

it('does not let a replayed room token take the room over', async () => {
  const http = serverFetcher(server.baseUrl);
  const session = await register(http, testVault('room@example.org'));
  const profile = { name: 'Dr Room', profession: 'General practitioner' };
  expect((await http('/api/practitioners/me', jsonInit('PUT', profile, session))).status).toBe(200);
  const room = await callToken(session, 'room');
  const host = await connect(room.peerId, room.token);
  if (host.kind !== 'open') throw new Error('the room must open');
  const thief = await connect(room.peerId, room.token);
  expect(thief.kind).toBe('refused');
  if (thief.kind === 'open') thief.socket.close();
  host.socket.close();
});

it('opens nothing with a token issued before logout', async () => {
  const http = serverFetcher(server.baseUrl);
  const vault = testVault('leaver@example.org');
  await register(http, vault);
  const session = (await signIn(http, vault)).token;
  const guest = await callToken(session, 'guest');
  expect((await http('/api/auth/logout', jsonInit('POST', undefined, session))).status).toBe(204);
  const after = await connect(guest.peerId, guest.token);
  expect(after).toEqual({ kind: 'refused', status: 401 });
  if (after.kind === 'open') after.socket.close();
});
