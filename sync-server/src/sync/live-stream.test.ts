import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Fetcher,
  freshProof,
  jsonInit,
  push,
  register,
  serverFetcher,
  signIn,
  testVault,
} from '../testing/api-client.ts';
import { create, envelope, update, withoutTime } from '../testing/envelopes.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { SseReader } from '../testing/sse-reader.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { LiveStreams } from './live-streams.ts';

describe('live stream over a real socket', () => {
  let t: TestApp;
  let server: RunningServer;
  let http: Fetcher;
  const streams = new LiveStreams();
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp({ heartbeatMs: 100, streams });
    server = await listen(t.app);
    http = serverFetcher(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  async function open(token: string): Promise<SseReader> {
    const res = await http('/api/sync/stream', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    return new SseReader(res);
  }

  const vault = () => testVault(`live${++n}@example.org`);

  it('starts with resync, then delivers each committed push with its checkpoint', async () => {
    const v = vault();
    const token = await register(http, v);
    const phone = (await signIn(http, v)).token;
    const stream = await open(phone);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });

    const a = envelope('a');
    const b = envelope('b');
    await push(http, token, [create(a), create(b)]);
    const change = await stream.nextMessage();
    if (change?.type !== 'change') throw new Error('expected a change');
    expect(change.documents.map(withoutTime)).toEqual([withoutTime(a), withoutTime(b)]);
    expect(change.checkpoint).toEqual({ seq: 2 });

    await push(http, token, [update(a)]);
    const next = await stream.nextMessage();
    expect(next).toMatchObject({ type: 'change', checkpoint: { seq: 3 } });
    await stream.cancel();
  });

  it('sends nothing for a push that only conflicted, and heartbeats as comments', async () => {
    const token = await register(http, vault());
    const a = envelope('a');
    await push(http, token, [create(a)]);
    const stream = await open(token);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });
    await push(http, token, [create(envelope('a'))]); // conflict: nothing committed
    expect(await stream.next()).toEqual({ comment: 'heartbeat' });
    await stream.cancel();
  });

  it("never shows another account's changes", async () => {
    const alice = await register(http, vault());
    const bob = await register(http, vault());
    const stream = await open(alice);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });
    await push(http, bob, [create(envelope('bob-secret'))]);
    await push(http, alice, [create(envelope('alice-own'))]);
    const change = await stream.nextMessage();
    expect(change).toMatchObject({ type: 'change', checkpoint: { seq: 1 } });
    if (change?.type === 'change') expect(change.documents.map((d) => d.id)).toEqual(['alice-own']);
    await stream.cancel();
  });

  it('ends at logout and at account deletion', async () => {
    const v = vault();
    const token = await register(http, v);
    const other = (await signIn(http, v)).token;
    const first = await open(token);
    const second = await open(other);
    expect(await first.nextMessage()).toEqual({ type: 'resync' });
    expect(await second.nextMessage()).toEqual({ type: 'resync' });
    await http('/api/auth/logout', jsonInit('POST', undefined, token));
    expect(await first.nextMessage()).toBeNull();
    const proof = await freshProof(http, other, v);
    await http('/api/account', jsonInit('DELETE', { proof }, other));
    expect(await second.nextMessage()).toBeNull();
  });

  it('refuses a stream without a valid session', async () => {
    expect((await http('/api/sync/stream')).status).toBe(401);
    expect(
      (await http('/api/sync/stream', { headers: { Authorization: `Bearer ${'x'.repeat(43)}` } })).status,
    ).toBe(401);
  });

  it('refuses more than 16 streams per account', async () => {
    const token = await register(http, vault());
    const open16 = await Promise.all(Array.from({ length: 16 }, () => open(token)));
    const res = await http('/api/sync/stream', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('30');
    await Promise.all(open16.map((s) => s.cancel()));
  });

  it('ends every stream on shutdown', async () => {
    const token = await register(http, vault());
    const stream = await open(token);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });
    expect(streams.size).toBeGreaterThan(0);
    streams.closeAll();
    expect(await stream.nextMessage()).toBeNull();
    expect(streams.size).toBe(0);
  });
});
