/**
 * A bounded loopback probe of signaling memory: starts main.ts as its own process, signs in, opens
 * one signaling socket and sends `count` messages of `size` bytes addressed to peer ids that are not
 * connected (what PeerServer would queue), then reports the server's resident memory (VmRSS) before
 * and after. Loopback only, one socket, a fixed number of messages.
 *
 *   npx tsx sync-server/src/testing/signaling-flood.ts [count] [size]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import { NodeWebSocket as WebSocket } from '../signaling/node-ws.ts';
import { jsonInit, register, serverFetcher, testVault } from './api-client.ts';
import { freePort } from './postgres-cluster.ts';
import { spawnServer } from './spawned-server.ts';

const MAX_COUNT = 5_000;
const MAX_SIZE = 128 * 1024;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function floodProbe(count: number, size: number) {
  await initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'carnet-flood-'));
  const server = await spawnServer({ port: await freePort(), dataDir: join(dir, 'data'), quiet: true });
  try {
    const pid = server.process.pid ?? 0;
    const http = serverFetcher(server.baseUrl);
    const session = await register(http, testVault('flood@example.org'));
    const issued = (await (
      await http('/api/calls/token', jsonInit('POST', { purpose: 'guest' }, session))
    ).json()) as CallTokenResponse;
    const query = new URLSearchParams({ key: PEERJS_KEY, id: issued.peerId, token: issued.token });
    const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/peerjs/peerjs?${query}`);
    await new Promise((resolve, reject) => {
      socket.once('message', resolve);
      socket.once('error', reject);
    });
    let closeCode: number | null = null;
    socket.on('close', (code) => {
      closeCode = code;
    });
    socket.on('error', () => {});
    await sleep(500);
    const before = rssMiB(pid);
    const payload = 'x'.repeat(Math.max(0, size - 80));
    let sent = 0;
    for (let i = 0; i < count && closeCode === null; i++) {
      socket.send(JSON.stringify({ type: 'OFFER', dst: `nobody${i}`, payload: { sdp: payload } }));
      sent += 1;
      // Let the socket drain now and then so the client's own buffer does not balloon.
      if (i % 50 === 49) await sleep(1);
    }
    await sleep(1500);
    const after = rssMiB(pid);
    if (closeCode === null) socket.close();
    return {
      count,
      size,
      sent,
      closeCode,
      rssBeforeMiB: before,
      rssAfterMiB: after,
      growthMiB: Math.round((after - before) * 10) / 10,
    };
  } finally {
    await server.stop('SIGTERM').catch(() => null);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Math.min(MAX_COUNT, Number(process.argv[2] ?? 1500));
  const size = Math.min(MAX_SIZE, Number(process.argv[3] ?? 60 * 1024));
  console.log(JSON.stringify(await floodProbe(count, size)));
}
