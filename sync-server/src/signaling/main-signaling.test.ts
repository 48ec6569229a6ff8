/**
 * main.ts serves signaling on its one port, hands out the configured ICE servers, and still exits 0
 * on SIGTERM with a peer connected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import { jsonInit, register, serverFetcher, testVault } from '../testing/api-client.ts';
import { freePort } from '../testing/postgres-cluster.ts';
import { spawnServer } from '../testing/spawned-server.ts';
import { NodeWebSocket as WebSocket } from './node-ws.ts';

const parent = mkdtempSync(join(tmpdir(), 'carnet-signal-'));
beforeAll(() => initCrypto());
afterAll(() => rmSync(parent, { recursive: true, force: true }));

it('main.ts serves PeerServer at /peerjs with ICE servers from ICE_SERVERS', async () => {
  const ice = [{ urls: 'stun:stun.example.org:3478' }];
  const server = await spawnServer({
    port: await freePort(),
    dataDir: join(parent, 'data'),
    env: { ICE_SERVERS: JSON.stringify(ice) },
  });
  try {
    const http = serverFetcher(server.baseUrl);
    const session = await register(http, testVault('signal@example.org'));
    const profile = { name: 'Dr Signal', profession: 'General practitioner', professionalId: '7' };
    expect((await http('/api/practitioners/me', jsonInit('PUT', profile, session))).status).toBe(200);
    const res = await http('/api/calls/token', jsonInit('POST', { purpose: 'room' }, session));
    const issued = (await res.json()) as CallTokenResponse;
    expect(issued.iceServers).toEqual(ice);

    const query = new URLSearchParams({ key: PEERJS_KEY, id: issued.peerId, token: issued.token });
    const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/peerjs/peerjs?${query}`);
    const first = await new Promise((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data))));
      socket.once('error', reject);
    });
    expect(first).toEqual({ type: 'OPEN' });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    expect(await server.stop('SIGTERM')).toBe(0);
    await closed;
  } finally {
    await server.stop('SIGKILL').catch(() => null);
  }
});
