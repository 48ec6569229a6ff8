/**
 * One account's session can never reach another's data: no route takes an account id, so with
 * A's token every endpoint either works on A alone or is refused. B's document ids pushed by A
 * create documents in A's space and change nothing in B's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import {
  type Fetcher,
  freshProof,
  jsonInit,
  pullAll,
  push,
  register,
  serverFetcher,
  type TestVault,
  testVault,
} from '../testing/api-client.ts';
import { create, envelope, profileEnvelope, update } from '../testing/envelopes.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { SseReader } from '../testing/sse-reader.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('cross-account isolation', () => {
  let t: TestApp;
  let server: RunningServer;
  let http: Fetcher;
  let alice: TestVault;
  let bob: TestVault;
  let a: string;
  let b: string;
  let bobDocs: Envelope[];

  beforeAll(async () => {
    t = await createTestApp();
    server = await listen(t.app);
    http = serverFetcher(server.baseUrl);
    alice = testVault('alice@example.org');
    bob = testVault('bob@example.org');
    a = await register(http, alice);
    b = await register(http, bob);
    await push(http, b, [create(envelope('b-rec')), create(profileEnvelope('b-prof'))]);
    bobDocs = (await pullAll(http, b)).documents;
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  const bobUnchanged = async () => expect((await pullAll(http, b)).documents).toEqual(bobDocs);

  it('pull with A sees none of B', async () => {
    const mine = await pullAll(http, a);
    expect(mine.documents).toEqual([]);
    // Even from B's checkpoint: the sequence is per account.
    const res = await http('/api/sync/pull', jsonInit('POST', { checkpoint: { seq: 0 }, batchSize: 500 }, a));
    expect((await res.json()).documents).toEqual([]);
  });

  it("push with A of B's ids, as new or as updates of B's copies, writes in A only", async () => {
    const [rec, prof] = bobDocs;
    if (!rec || !prof) throw new Error('fixture');
    const result = await push(http, a, [create(envelope(rec.id)), update(prof)]);
    expect(result.conflicts).toEqual([]); // A has no such documents: nothing of B's is returned
    const mine = (await pullAll(http, a)).documents;
    expect(mine.map((d) => [d.id, d.rev])).toEqual([
      [rec.id, 1],
      [prof.id, prof.rev + 1],
    ]);
    await bobUnchanged();
    // A conflict on A's own copy returns A's copy, never B's.
    const conflict = await push(http, a, [create(envelope(rec.id))]);
    expect(conflict.conflicts.map((d) => d.nonce)).toEqual([mine[0]?.nonce]);
  });

  it("stream with A never carries B's changes", async () => {
    const res = await http('/api/sync/stream', { headers: { Authorization: `Bearer ${a}` } });
    const stream = new SseReader(res);
    expect(await stream.nextMessage()).toEqual({ type: 'resync' });
    await push(http, b, [create(envelope('b-later'))]);
    await push(http, a, [create(envelope('a-later'))]);
    const change = await stream.nextMessage();
    expect(change?.type === 'change' && change.documents.map((d) => d.id)).toEqual(['a-later']);
    await stream.cancel();
    bobDocs = (await pullAll(http, b)).documents;
  });

  it("account and keyring with A are A's; B's stay", async () => {
    const mine = await (await http('/api/account', jsonInit('GET', undefined, a))).json();
    expect(mine).toMatchObject({ keyring: alice.keyring });
    const proof = await freshProof(http, a, alice);
    const replaced = await http(
      '/api/account/keyring',
      jsonInit('PUT', { keyring: bob.keyring, authPublicKey: alice.authPublicKey, proof }, a),
    );
    expect(replaced.status).toBe(204);
    expect(await (await http('/api/account', jsonInit('GET', undefined, b))).json()).toMatchObject({
      keyring: bob.keyring,
    });
    const prelogin = await http('/api/auth/prelogin', jsonInit('POST', { email: bob.email }));
    expect(await prelogin.json()).toEqual({ kdf: bob.keyring.kdf, salt: bob.keyring.salt });
  });

  it('refuses forged and foreign-looking tokens on every endpoint', async () => {
    const forged = [
      `${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}`,
      'A'.repeat(43),
      `${a}${b}`,
      b.toLowerCase(),
    ];
    const calls: [string, string, unknown][] = [
      ['POST', '/api/sync/pull', { checkpoint: null, batchSize: 10 }],
      ['POST', '/api/sync/push', { rows: [create(envelope('x'))] }],
      ['GET', '/api/sync/stream', undefined],
      ['GET', '/api/account', undefined],
      ['PUT', '/api/account/keyring', { keyring: alice.keyring, authPublicKey: alice.authPublicKey }],
      ['DELETE', '/api/account', undefined],
      ['POST', '/api/account/challenge', undefined],
      ['POST', '/api/account/sign-out-others', { proof: undefined }],
      ['POST', '/api/auth/logout', undefined],
    ];
    for (const token of forged) {
      if (token === b) continue;
      for (const [method, path, body] of calls) {
        const res = await http(path, jsonInit(method, body, token));
        expect(res.status, `${method} ${path}`).toBe(401);
        await res.body?.cancel();
      }
    }
    await bobUnchanged();
  });

  it('delete with A removes A only', async () => {
    const proof = await freshProof(http, a, alice);
    expect((await http('/api/account', jsonInit('DELETE', { proof }, a))).status).toBe(204);
    await bobUnchanged();
    expect((await http('/api/account', jsonInit('GET', undefined, b))).status).toBe(200);
    expect((await http('/api/account', jsonInit('GET', undefined, a))).status).toBe(401);
  });
});
