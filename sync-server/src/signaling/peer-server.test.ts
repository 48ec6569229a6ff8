/**
 * PeerServer's gate, over a real socket: the app and PeerServer on one Node server, real WebSockets
 * (the `ws` client), tokens from the real `/api/calls/token` route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { CALL_TOKEN_TTL_MS, type CallTokenResponse, PEERJS_KEY } from '../../../shared/protocol/calls.ts';
import { jsonInit, register, serverFetcher, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createCallTokens } from './call-tokens.ts';
import { createNodeServer, type NodeServer } from './node-server.ts';
import { NodeWebSocket as WebSocket } from './node-ws.ts';
import { MAX_PAYLOAD_BYTES, SOCKETS_PER_ACCOUNT } from './peer-server.ts';

type Outcome = { kind: 'open'; first: unknown; socket: WebSocket } | { kind: 'refused'; status: number };

describe('signaling at /peerjs', () => {
  let t: TestApp;
  let node: NodeServer;
  let base: string;
  let session: string;
  const serverKey = new Uint8Array(32);

  beforeAll(async () => {
    await initCrypto();
    const callTokens = createCallTokens(serverKey.fill(7), Date.now);
    t = await createTestApp({ serverKey, callTokens });
    node = createNodeServer(t.app.fetch, {
      callTokens,
      sessionLive: async (hash) => (await t.store.findSession(hash, Date.now())) !== null,
    });
    base = `127.0.0.1:${await node.listen(0, '127.0.0.1')}`;
    session = await register(serverFetcher(`http://${base}`), testVault('peer@example.org'));
    // Room tokens are for practitioners only (routes/calls.ts).
    const profile = await fetch(
      `http://${base}/api/practitioners/me`,
      jsonInit('PUT', { name: 'Dr Peer', profession: 'General practitioner', professionalId: '1' }, session),
    );
    expect(profile.status).toBe(200);
  });
  afterAll(async () => {
    await node.close();
    await t.close();
  });

  async function token(purpose: 'room' | 'guest', as = session): Promise<CallTokenResponse> {
    const res = await fetch(`http://${base}/api/calls/token`, jsonInit('POST', { purpose }, as));
    expect(res.status).toBe(200);
    return (await res.json()) as CallTokenResponse;
  }

  /** Connects as PeerJS 1.5.5 does; resolves with the first message or the refusal's status. */
  function connect(query: Record<string, string>, path = '/peerjs/peerjs'): Promise<Outcome> {
    const url = `ws://${base}${path}?${new URLSearchParams({ key: PEERJS_KEY, version: '1.5.5', ...query })}`;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const timer = setTimeout(() => reject(new Error('no answer from the signaling server')), 5_000);
      socket.once('message', (data) => {
        clearTimeout(timer);
        resolve({ kind: 'open', first: JSON.parse(String(data)), socket });
      });
      socket.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      });
      socket.once('error', () => {});
    });
  }

  it('registers a peer that brings the token issued for its id', async () => {
    const guest = await token('guest');
    const outcome = await connect({ id: guest.peerId, token: guest.token });
    expect(outcome).toMatchObject({ kind: 'open', first: { type: 'OPEN' } });
    if (outcome.kind === 'open') outcome.socket.close();
  });

  it('relays signaling between two registered peers', async () => {
    const room = await token('room');
    const guest = await token('guest');
    const host = await connect({ id: room.peerId, token: room.token });
    const patient = await connect({ id: guest.peerId, token: guest.token });
    if (host.kind !== 'open' || patient.kind !== 'open') throw new Error('both peers must register');
    const received = new Promise((resolve) =>
      host.socket.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    patient.socket.send(JSON.stringify({ type: 'OFFER', dst: room.peerId, payload: { sdp: 'x' } }));
    expect(await received).toEqual({
      type: 'OFFER',
      src: guest.peerId,
      dst: room.peerId,
      payload: { sdp: 'x' },
    });
    host.socket.close();
    patient.socket.close();
  });

  it('refuses a peer without a valid token: none, forged, expired, for another id, from another server', async () => {
    const guest = await token('guest');
    const other = await token('guest');
    const [expiry, account, sealed, mac = ''] = guest.token.split('.');
    const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BA' : 'AA'}`;
    const session = 'A'.repeat(43);
    const expired = createCallTokens(serverKey, () => Date.now() - CALL_TOKEN_TTL_MS - 1_000).issue(
      'some-account',
      'guest',
      session,
    );
    const foreign = createCallTokens(sodium().randombytes_buf(32), Date.now).issue(
      'some-account',
      'guest',
      session,
    );
    const attempts: Record<string, string>[] = [
      { id: guest.peerId },
      { id: guest.peerId, token: '' },
      { id: guest.peerId, token: 'forged' },
      { id: guest.peerId, token: `${expiry}.${account}.${sealed}.${flipped}` },
      { id: guest.peerId, token: `${Number(expiry) + 1}.${account}.${sealed}.${mac}` },
      { id: guest.peerId, token: `${expiry}.otheraccount.${sealed}.${mac}` },
      { id: expired.peerId, token: expired.token },
      { id: other.peerId, token: guest.token },
      { id: foreign.peerId, token: foreign.token },
      { token: guest.token },
    ];
    for (const query of attempts) {
      expect(await connect(query), JSON.stringify(query)).toEqual({ kind: 'refused', status: 401 });
    }
    // The token still works for its own id: the refusals above were about the token, not the server.
    const ok = await connect({ id: guest.peerId, token: guest.token });
    expect(ok.kind).toBe('open');
    if (ok.kind === 'open') ok.socket.close();
  });

  it('serves no PeerServer HTTP route and no WebSocket elsewhere', async () => {
    expect((await fetch(`http://${base}/peerjs/${PEERJS_KEY}/id`)).status).toBe(404);
    expect((await fetch(`http://${base}/peerjs`)).status).toBe(404);
    const guest = await token('guest');
    expect(await connect({ id: guest.peerId, token: guest.token }, '/api/sync/stream')).toEqual({
      kind: 'refused',
      status: 400,
    });
  });

  it(`refuses a ${SOCKETS_PER_ACCOUNT + 1}th open socket of one account (429), and counts again once one closes`, async () => {
    const other = await register(serverFetcher(`http://${base}`), testVault('many-tabs@example.org'));
    const sockets: WebSocket[] = [];
    for (let i = 0; i < SOCKETS_PER_ACCOUNT; i++) {
      const guest = await token('guest', other);
      const outcome = await connect({ id: guest.peerId, token: guest.token });
      if (outcome.kind !== 'open') throw new Error(`socket ${i + 1} must open`);
      sockets.push(outcome.socket);
    }
    const extra = await token('guest', other);
    expect(await connect({ id: extra.peerId, token: extra.token })).toEqual({ kind: 'refused', status: 429 });
    // Another account is not affected.
    const mine = await token('guest');
    const unaffected = await connect({ id: mine.peerId, token: mine.token });
    expect(unaffected.kind).toBe('open');
    if (unaffected.kind === 'open') unaffected.socket.close();
    // Closing one frees a place (released when the TCP socket closes).
    const first = sockets.shift();
    await new Promise((resolve) => {
      first?.once('close', resolve);
      first?.close();
    });
    let again: Outcome = { kind: 'refused', status: 0 };
    for (let i = 0; i < 20 && again.kind !== 'open'; i++) {
      again = await connect({ id: extra.peerId, token: extra.token });
      if (again.kind !== 'open') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again.kind).toBe('open');
    if (again.kind === 'open') sockets.push(again.socket);
    for (const socket of sockets) socket.close();
  });

  it('closes a socket that sends a message over the payload limit (1009)', async () => {
    const guest = await token('guest');
    const outcome = await connect({ id: guest.peerId, token: guest.token });
    if (outcome.kind !== 'open') throw new Error('must open');
    const closed = new Promise<number>((resolve) => outcome.socket.once('close', (code) => resolve(code)));
    outcome.socket.send('x'.repeat(MAX_PAYLOAD_BYTES + 1));
    expect(await closed).toBe(1009);
  });
});
