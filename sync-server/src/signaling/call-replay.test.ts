/**
 * Call tokens against replay and takeover, over real sockets: a token opens one socket once; a
 * second socket for a live id is refused (the first keeps its messages); a session's tokens and
 * sockets end at logout; a guest that lost its socket reconnects with a fresh token for its id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import {
  freshProof,
  jsonInit,
  register,
  serverFetcher,
  signIn,
  type TestVault,
  testVault,
} from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createCallTokens } from './call-tokens.ts';
import { createNodeServer, type NodeServer } from './node-server.ts';
import { NodeWebSocket as WebSocket } from './node-ws.ts';
import { SESSION_ENDED_CLOSE } from './peer-server.ts';

type Outcome = { kind: 'open'; socket: WebSocket } | { kind: 'refused'; status: number };

describe('call tokens at the WebSocket upgrade', () => {
  let t: TestApp;
  let node: NodeServer;
  let base: string;
  let host: TestVault;
  let hostSession: string;

  beforeAll(async () => {
    await initCrypto();
    host = testVault('host@example.org');
    const serverKey = new Uint8Array(32).fill(9);
    const callTokens = createCallTokens(serverKey, Date.now);
    t = await createTestApp({ serverKey, callTokens });
    node = createNodeServer(t.app.fetch, {
      callTokens,
      sessionLive: async (hash) => (await t.store.findSession(hash, Date.now())) !== null,
    });
    base = `127.0.0.1:${await node.listen(0, '127.0.0.1')}`;
    hostSession = await register(serverFetcher(`http://${base}`), host);
    const profile = { name: 'Dr Host', profession: 'General practitioner' };
    expect(
      (await fetch(`http://${base}/api/practitioners/me`, jsonInit('PUT', profile, hostSession))).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await node.close();
    await t.close();
  });

  async function token(body: Record<string, string>, session = hostSession): Promise<CallTokenResponse> {
    const res = await fetch(`http://${base}/api/calls/token`, jsonInit('POST', body, session));
    expect(res.status).toBe(200);
    return (await res.json()) as CallTokenResponse;
  }

  function connect(id: string, tokenText: string): Promise<Outcome> {
    const query = new URLSearchParams({ key: PEERJS_KEY, version: '1.5.5', id, token: tokenText });
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://${base}/peerjs/peerjs?${query}`);
      const timer = setTimeout(() => reject(new Error('no answer from the signaling server')), 5_000);
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

  const closeAndWait = (socket: WebSocket) =>
    new Promise((resolve) => {
      socket.once('close', resolve);
      socket.close();
    });

  it('opens one socket per token: the same token again is refused, even after the first closed', async () => {
    const guest = await token({ purpose: 'guest' });
    const first = await connect(guest.peerId, guest.token);
    if (first.kind !== 'open') throw new Error('first use must open');
    await closeAndWait(first.socket);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connect(guest.peerId, guest.token)).toEqual({ kind: 'refused', status: 401 });
  });

  it('refuses a second socket for a live room id (409); the first keeps receiving', async () => {
    const room = await token({ purpose: 'room' });
    const first = await connect(room.peerId, room.token);
    if (first.kind !== 'open') throw new Error('the room must open');
    // The same token replayed, and a fresh token for the same room: neither takes the id over.
    expect(await connect(room.peerId, room.token)).toEqual({ kind: 'refused', status: 409 });
    const fresh = await token({ purpose: 'room' });
    expect(await connect(fresh.peerId, fresh.token)).toEqual({ kind: 'refused', status: 409 });
    const guest = await token({ purpose: 'guest' });
    const patient = await connect(guest.peerId, guest.token);
    if (patient.kind !== 'open') throw new Error('the guest must open');
    const received = new Promise((resolve) =>
      first.socket.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    patient.socket.send(JSON.stringify({ type: 'OFFER', dst: room.peerId, payload: { sdp: 'x' } }));
    expect(await received).toMatchObject({ type: 'OFFER', src: guest.peerId });
    await closeAndWait(patient.socket);
    await closeAndWait(first.socket);
  });

  it('lets a guest that lost its socket come back under its id with a fresh token', async () => {
    const guest = await token({ purpose: 'guest' });
    const first = await connect(guest.peerId, guest.token);
    if (first.kind !== 'open') throw new Error('must open');
    await closeAndWait(first.socket);
    const again = await token({ purpose: 'guest', peerId: guest.peerId });
    expect(again.peerId).toBe(guest.peerId);
    let outcome: Outcome = { kind: 'refused', status: 0 };
    for (let i = 0; i < 20 && outcome.kind !== 'open'; i++) {
      outcome = await connect(again.peerId, again.token);
      if (outcome.kind !== 'open') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(outcome.kind).toBe('open');
    if (outcome.kind === 'open') await closeAndWait(outcome.socket);
    // Another account cannot ask for that id.
    const stranger = await register(serverFetcher(`http://${base}`), testVault('stranger@example.org'));
    const res = await fetch(
      `http://${base}/api/calls/token`,
      jsonInit('POST', { purpose: 'guest', peerId: guest.peerId }, stranger),
    );
    expect(res.status).toBe(403);
  });

  it('ends a session’s call tokens and sockets at logout', async () => {
    const phone = (await signIn(serverFetcher(`http://${base}`), host)).token;
    const live = await token({ purpose: 'guest' }, phone);
    const unused = await token({ purpose: 'guest' }, phone);
    const open = await connect(live.peerId, live.token);
    if (open.kind !== 'open') throw new Error('must open');
    const closed = new Promise<number>((resolve) => open.socket.once('close', (code) => resolve(code)));
    expect((await fetch(`http://${base}/api/auth/logout`, jsonInit('POST', undefined, phone))).status).toBe(
      204,
    );
    expect(await closed).toBe(SESSION_ENDED_CLOSE);
    expect(await connect(unused.peerId, unused.token)).toEqual({ kind: 'refused', status: 401 });
    // The host's other session is untouched.
    const mine = await token({ purpose: 'guest' });
    const still = await connect(mine.peerId, mine.token);
    expect(still.kind).toBe('open');
    if (still.kind === 'open') await closeAndWait(still.socket);
  });

  it('closes the sockets of the sessions "sign out everywhere else" ends, and only those', async () => {
    const http = serverFetcher(`http://${base}`);
    const tablet = (await signIn(http, host)).token;
    const onTablet = await token({ purpose: 'guest' }, tablet);
    const tabletSocket = await connect(onTablet.peerId, onTablet.token);
    const onLaptop = await token({ purpose: 'guest' });
    const laptopSocket = await connect(onLaptop.peerId, onLaptop.token);
    if (tabletSocket.kind !== 'open' || laptopSocket.kind !== 'open') throw new Error('both must open');
    const closed = new Promise<number>((resolve) =>
      tabletSocket.socket.once('close', (code) => resolve(code)),
    );
    const proof = await freshProof(http, hostSession, host);
    expect(
      (await http('/api/account/sign-out-others', jsonInit('POST', { proof }, hostSession))).status,
    ).toBe(204);
    expect(await closed).toBe(SESSION_ENDED_CLOSE);
    expect(laptopSocket.socket.readyState).toBe(WebSocket.OPEN);
    await closeAndWait(laptopSocket.socket);
  });
});
