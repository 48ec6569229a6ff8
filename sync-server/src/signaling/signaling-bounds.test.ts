/**
 * Signaling bounds, against main.ts as a process (its WebSocket surface only): messages over
 * 16 KiB close the socket, a message for a peer that is not connected is not queued (an OFFER gets
 * EXPIRE back at once), a socket sending faster than its rate is closed, and one socket flooding
 * unknown peers leaves the server's memory nearly where it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import { jsonInit, register, serverFetcher, testVault } from '../testing/api-client.ts';
import { freePort } from '../testing/postgres-cluster.ts';
import { floodProbe } from '../testing/signaling-flood.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';
import { NodeWebSocket as WebSocket } from './node-ws.ts';

const parent = mkdtempSync(join(tmpdir(), 'carnet-bounds-'));
let server: SpawnedServer;
let session: string;
beforeAll(async () => {
  await initCrypto();
  server = await spawnServer({ port: await freePort(), dataDir: join(parent, 'data') });
  session = await register(serverFetcher(server.baseUrl), testVault('bounds@example.org'));
}, 30_000);
afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(parent, { recursive: true, force: true });
});

async function open(): Promise<{ socket: WebSocket; id: string }> {
  const res = await serverFetcher(server.baseUrl)(
    '/api/calls/token',
    jsonInit('POST', { purpose: 'guest' }, session),
  );
  const issued = (await res.json()) as CallTokenResponse;
  const query = new URLSearchParams({
    key: PEERJS_KEY,
    version: '1.5.5',
    id: issued.peerId,
    token: issued.token,
  });
  const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/peerjs/peerjs?${query}`);
  await new Promise((resolve, reject) => {
    socket.once('message', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  return { socket, id: issued.peerId };
}

/** Resolves with the close code, or null if the socket is still open after `ms`. */
function closedWithin(socket: WebSocket, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

it('closes a socket that sends a message over 16 KiB (1009)', async () => {
  const { socket } = await open();
  const closed = closedWithin(socket, 3_000);
  socket.send(JSON.stringify({ type: 'OFFER', dst: 'nobody', payload: { sdp: 'x'.repeat(20 * 1024) } }));
  expect(await closed).toBe(1009);
});

it('does not queue a message for a peer that is not connected: an OFFER gets EXPIRE at once', async () => {
  const { socket, id } = await open();
  const answer = new Promise((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
  socket.send(JSON.stringify({ type: 'OFFER', dst: 'nobodyhere', payload: { sdp: 'x' } }));
  const first = await Promise.race([
    answer,
    new Promise((resolve) => setTimeout(() => resolve('nothing within 1 s'), 1_000)),
  ]);
  expect(first).toEqual({ type: 'EXPIRE', src: 'nobodyhere', dst: id });
  socket.close();
});

it('closes a socket that sends faster than its message rate (1008)', async () => {
  const { socket } = await open();
  const closed = closedWithin(socket, 3_000);
  for (let i = 0; i < 300; i++)
    socket.send(JSON.stringify({ type: 'CANDIDATE', dst: 'nobody', payload: {} }));
  expect(await closed).toBe(1008);
});

it('stays within a few MiB while one socket floods unknown peers with 1,500 large messages', async () => {
  const result = await floodProbe(1_500, 15 * 1024);
  expect(result.growthMiB).toBeLessThan(20);
}, 60_000);
