/**
 * Scale-out, proven: two server instances (each its own app, Node server, PeerServer and signaling
 * relay, as main.ts builds them) on one PostgreSQL database, on loopback ports. What one instance
 * holds in memory (live streams, signaling sockets) must reach a client of the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../shared/crypto/auth-proof.ts';
import {
  generateShareId,
  generateShareKey,
  openSnapshot,
  sealSnapshot,
  shareAccessToken,
} from '../../shared/crypto/share-key.ts';
import { initCrypto, sodium } from '../../shared/crypto/sodium.ts';
import { type CallTokenResponse, PEERJS_KEY } from '../../shared/protocol/calls.ts';
import { type CreateShareRequest, SHARE_MAX_FAILURES } from '../../shared/protocol/shares.ts';
import { createApp } from './app.ts';
import { createCallTokens } from './signaling/call-tokens.ts';
import { createNodeServer, type NodeServer } from './signaling/node-server.ts';
import { NodeWebSocket as WebSocket } from './signaling/node-ws.ts';
import { SESSION_ENDED_CLOSE } from './signaling/peer-server.ts';
import { openPostgresRelay, type SignalingRelay } from './signaling/postgres-relay.ts';
import { openPostgresStore } from './store/postgres.ts';
import type { Store } from './store/store.ts';
import {
  challenge,
  type Fetcher,
  jsonInit,
  push,
  register,
  serverFetcher,
  testVault,
} from './testing/api-client.ts';
import { create, envelope, withoutTime } from './testing/envelopes.ts';
import { type PostgresCluster, startPostgresCluster } from './testing/postgres-cluster.ts';
import { SseReader } from './testing/sse-reader.ts';
import { LOOSE_RATE_LIMITS } from './testing/test-app.ts';

interface Instance {
  readonly store: Store;
  readonly relay: SignalingRelay;
  readonly node: NodeServer;
  readonly base: string;
  readonly http: Fetcher;
}

describe('two instances on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  const instances: Instance[] = [];
  const one = () => instances[0] as Instance;
  const two = () => instances[1] as Instance;

  beforeAll(async () => {
    await initCrypto();
    cluster = await startPostgresCluster();
    const serverKey = sodium().randombytes_buf(32); // the same SERVER_SECRET on every instance
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore(cluster.url);
      const relay = await openPostgresRelay(cluster.url);
      const callTokens = createCallTokens(serverKey, Date.now);
      const app = createApp({
        api: { store, serverKey, rateLimits: LOOSE_RATE_LIMITS, heartbeatMs: 60_000, callTokens },
      });
      const node = createNodeServer(app.fetch, {
        callTokens,
        sessionLive: async (hash) => (await store.findSession(hash, Date.now())) !== null,
        relay,
      });
      const base = `127.0.0.1:${await node.listen(0, '127.0.0.1')}`;
      instances.push({ store, relay, node, base, http: serverFetcher(`http://${base}`) });
    }
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) {
      await instance.node.close();
      await instance.relay.close();
      await instance.store.close();
    }
    await cluster?.stop();
  }, 30_000);

  it('(a) a push through instance 1 reaches the live stream of a device connected to instance 2', async () => {
    const vault = testVault('live@example.org');
    const tokenOnOne = await register(one().http, vault);
    // No sticky sessions: the sign-in challenge comes from instance 1, the signed proof goes to 2.
    const nonce = await challenge(one().http, vault.email);
    const signature = signLoginProof(vault.authKey, nonce, vault.email);
    const login = await two().http(
      '/api/auth/login',
      jsonInit('POST', { email: vault.email, nonce, signature }),
    );
    expect(login.status).toBe(200);
    const tokenOnTwo = ((await login.json()) as { token: string }).token;
    const res = await two().http('/api/sync/stream', {
      headers: { Authorization: `Bearer ${tokenOnTwo}` },
    });
    const stream = new SseReader(res);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });
    const doc = envelope('pushed-on-one');
    await push(one().http, tokenOnOne, [create(doc)]);
    const change = await stream.nextMessage();
    if (change?.type !== 'change') throw new Error('expected a change');
    expect(change.documents.map(withoutTime)).toEqual([withoutTime(doc)]);
    await stream.cancel();
  });

  describe('(b) shares', () => {
    let patient: string;
    let doctorOnTwo: string;

    beforeAll(async () => {
      patient = await register(one().http, testVault('share-patient@example.org'));
      doctorOnTwo = await register(two().http, testVault('share-doctor@example.org'));
      const profile = { name: 'Dr Two', profession: 'General practitioner', professionalId: '2' };
      expect((await two().http('/api/practitioners/me', jsonInit('PUT', profile, doctorOnTwo))).status).toBe(
        200,
      );
    });

    async function share(passcode = '') {
      const key = generateShareKey();
      const id = generateShareId();
      const request: CreateShareRequest = {
        id,
        mode: 'read',
        sections: ['allergy'],
        expiry: '1h',
        accessToken: shareAccessToken(key, passcode),
        hasPasscode: passcode !== '',
        snapshot: { version: 1, ...sealSnapshot(key, id, 1, { allergies: ['peanut'] }) },
      };
      expect((await one().http('/api/shares', jsonInit('POST', request, patient))).status).toBe(201);
      return { key, id };
    }

    const open = (instance: Instance, id: string, accessToken: string) =>
      instance.http(`/api/shares/${id}/open`, jsonInit('POST', { accessToken }, doctorOnTwo));

    it('a share made through instance 1 is opened through instance 2, and logged for the owner', async () => {
      const { key, id } = await share();
      const res = await open(two(), id, shareAccessToken(key));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { snapshot: { version: number; nonce: string; ciphertext: string } };
      expect(openSnapshot(key, id, body.snapshot.version, body.snapshot)).toEqual({ allergies: ['peanut'] });
      const log = await (
        await one().http(`/api/shares/${id}/log`, jsonInit('GET', undefined, patient))
      ).json();
      expect(log.entries.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
        ['open', 'Dr Two'],
      ]);
    });

    it(`counts wrong passcodes on both instances together: locked after ${SHARE_MAX_FAILURES} in all`, async () => {
      const { key, id } = await share('4321');
      const statuses: number[] = [];
      for (let i = 0; i < SHARE_MAX_FAILURES; i++) {
        const through = i % 2 === 0 ? one() : two();
        statuses.push((await open(through, id, shareAccessToken(key, `wrong-${i}`))).status);
      }
      expect(statuses).toEqual([...Array(SHARE_MAX_FAILURES - 1).fill(403), 423]);
      // Neither instance lets the right passcode in any more.
      expect((await open(one(), id, shareAccessToken(key, '4321'))).status).toBe(423);
      expect((await open(two(), id, shareAccessToken(key, '4321'))).status).toBe(423);
    });
  });

  describe('(c) a call across instances', () => {
    let doctor: string;
    let patient: string;

    beforeAll(async () => {
      doctor = await register(one().http, testVault('call-doctor@example.org'));
      patient = await register(two().http, testVault('call-patient@example.org'));
      const profile = { name: 'Dr Room', profession: 'General practitioner', professionalId: '3' };
      expect((await one().http('/api/practitioners/me', jsonInit('PUT', profile, doctor))).status).toBe(200);
    });

    async function token(instance: Instance, purpose: 'room' | 'guest', as: string) {
      const res = await instance.http('/api/calls/token', jsonInit('POST', { purpose }, as));
      expect(res.status).toBe(200);
      return (await res.json()) as CallTokenResponse;
    }

    type Opened = { socket: WebSocket; inbox: unknown[]; next(): Promise<unknown> };

    /** Connects as PeerJS 1.5.5 does; resolves once OPEN came, or with the refusal's status. */
    function connect(instance: Instance, issued: CallTokenResponse): Promise<Opened | number> {
      const query = new URLSearchParams({
        key: PEERJS_KEY,
        id: issued.peerId,
        token: issued.token,
        version: '1.5.5',
      });
      return new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${instance.base}/peerjs/peerjs?${query}`);
        const timer = setTimeout(() => reject(new Error('no answer from the signaling server')), 5_000);
        const inbox: unknown[] = [];
        const waiting: ((message: unknown) => void)[] = [];
        socket.on('message', (data) => {
          const message = JSON.parse(String(data));
          const waiter = waiting.shift();
          if (waiter) waiter(message);
          else inbox.push(message);
        });
        const next = () =>
          new Promise<unknown>((done, fail) => {
            if (inbox.length > 0) return done(inbox.shift());
            const t = setTimeout(() => fail(new Error('no message relayed')), 5_000);
            waiting.push((message) => {
              clearTimeout(t);
              done(message);
            });
          });
        socket.once('open', () => {
          clearTimeout(timer);
          resolve({ socket, inbox, next });
        });
        socket.once('unexpected-response', (_req, res) => {
          clearTimeout(timer);
          resolve(res.statusCode ?? 0);
        });
        socket.once('error', () => {});
      });
    }

    async function opened(instance: Instance, issued: CallTokenResponse): Promise<Opened> {
      const outcome = await connect(instance, issued);
      if (typeof outcome === 'number') throw new Error(`refused with ${outcome}`);
      expect(await outcome.next()).toEqual({ type: 'OPEN' });
      return outcome;
    }

    it('the waiting room on instance 1 and the patient on instance 2 exchange offer, answer and candidates in order', async () => {
      const room = await token(one(), 'room', doctor);
      const guest = await token(two(), 'guest', patient);
      const host = await opened(one(), room);
      const knocker = await opened(two(), guest);

      // The patient's data connection (the knock) starts with an OFFER to the room's id.
      knocker.socket.send(
        JSON.stringify({ type: 'OFFER', dst: room.peerId, payload: { sdp: 'v=0 offer', type: 'data' } }),
      );
      expect(await host.next()).toEqual({
        type: 'OFFER',
        src: guest.peerId,
        dst: room.peerId,
        payload: { sdp: 'v=0 offer', type: 'data' },
      });
      // An SDP larger than a NOTIFY payload may carry (8,000 bytes) goes through as well.
      const sdp = `v=0 ${'a=candidate '.repeat(1_000)}`;
      host.socket.send(JSON.stringify({ type: 'ANSWER', dst: guest.peerId, payload: { sdp } }));
      expect(await knocker.next()).toEqual({
        type: 'ANSWER',
        src: room.peerId,
        dst: guest.peerId,
        payload: { sdp },
      });
      // Trickled candidates keep their order.
      for (let i = 0; i < 10; i++) {
        knocker.socket.send(JSON.stringify({ type: 'CANDIDATE', dst: room.peerId, payload: { i } }));
      }
      const candidates = [];
      for (let i = 0; i < 10; i++) candidates.push(await host.next());
      expect(candidates).toEqual(
        Array.from({ length: 10 }, (_, i) => ({
          type: 'CANDIDATE',
          src: guest.peerId,
          dst: room.peerId,
          payload: { i },
        })),
      );
      host.socket.close();
      knocker.socket.close();
    });

    it('refuses the room id on instance 2 while instance 1 holds it (409), and takes it once released', async () => {
      const host = await opened(one(), await token(one(), 'room', doctor));
      expect(await connect(two(), await token(two(), 'room', doctor))).toBe(409);
      await new Promise((resolve) => {
        host.socket.once('close', resolve);
        host.socket.close();
      });
      let again: Opened | number = 0;
      for (let i = 0; i < 40 && typeof again === 'number'; i++) {
        again = await connect(two(), await token(two(), 'room', doctor));
        if (typeof again === 'number') await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (typeof again === 'number') throw new Error(`the room id stayed taken (${again})`);
      again.socket.close();
    });

    it('refuses a call token on instance 2 once it was used on instance 1 (single use everywhere)', async () => {
      const issued = await token(one(), 'guest', patient);
      const first = await opened(one(), issued);
      expect(await connect(two(), issued)).toBe(401);
      await new Promise((resolve) => {
        first.socket.once('close', resolve);
        first.socket.close();
      });
      await new Promise((resolve) => setTimeout(resolve, 100)); // its peer id is free again
      expect(await connect(two(), issued)).toBe(401);
    });

    it('answers an OFFER to a peer no instance holds with EXPIRE', async () => {
      const knocker = await opened(two(), await token(two(), 'guest', patient));
      knocker.socket.send(JSON.stringify({ type: 'OFFER', dst: 'room-nobody', payload: {} }));
      expect(await knocker.next()).toEqual({ type: 'EXPIRE', src: 'room-nobody', dst: expect.any(String) });
      knocker.socket.close();
    });

    it('a logout through instance 1 closes that session’s socket on instance 2', async () => {
      const vault = testVault('call-leaver@example.org');
      const session = await register(two().http, vault);
      const socket = (await opened(two(), await token(two(), 'guest', session))).socket;
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      expect((await one().http('/api/auth/logout', jsonInit('POST', undefined, session))).status).toBe(204);
      expect(await closed).toBe(SESSION_ENDED_CLOSE);
    });
  });
});
