/**
 * One account's session can never reach another's conversations (docs/architecture.md §8.5): with
 * A's token, B's thread is invisible, unreadable and unwritable whatever A sends — its id, B's
 * account id as sender, B's thread id for a new thread — and B's thread is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadList } from '../../../shared/protocol/messages.ts';
import { type Fetcher, jsonInit, serverFetcher } from '../testing/api-client.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

describe('cross-account isolation of threads', () => {
  let t: TestApp;
  let server: RunningServer;
  let http: Fetcher;
  let alice: Person;
  let bob: Person;
  let doctor: Person;
  let threadId: string;
  let before: { list: unknown; messages: unknown };

  const snapshot = async () => ({
    list: await (await http('/api/threads', jsonInit('GET', undefined, bob.token))).json(),
    messages: await (
      await http(`/api/threads/${threadId}/messages`, jsonInit('GET', undefined, bob.token))
    ).json(),
  });

  beforeAll(async () => {
    t = await createTestApp();
    server = await listen(t.app);
    http = serverFetcher(server.baseUrl);
    alice = await person(http);
    bob = await person(http);
    doctor = await person(http, LISTED);
    const request = threadRequest(bob, doctor);
    threadId = request.body.id;
    expect((await http('/api/threads', jsonInit('POST', request.body, bob.token))).status).toBe(201);
    const posted = await http(
      `/api/threads/${threadId}/messages`,
      jsonInit('POST', envelope(threadId, request.key, bob, 1), bob.token),
    );
    expect(posted.status).toBe(201);
    before = await snapshot();
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it("A's session cannot see, read, write, archive or acknowledge B's thread", async () => {
    const list = (await (
      await http('/api/threads', jsonInit('GET', undefined, alice.token))
    ).json()) as ThreadList;
    expect(list.threads).toEqual([]);
    expect(list.accountId).toBe(alice.accountId);
    const key = threadRequest(alice, doctor).key;
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/threads/${threadId}/messages`, undefined],
      ['POST', `/api/threads/${threadId}/messages`, envelope(threadId, key, alice, 2)],
      [
        'POST',
        `/api/threads/${threadId}/messages`,
        { ...envelope(threadId, key, alice, 2), senderId: bob.accountId },
      ],
      ['POST', `/api/threads/${threadId}/archive`, { archived: true }],
      ['POST', `/api/threads/${threadId}/receipts`, { read: 1, delivered: 1 }],
      ['POST', `/api/threads/${threadId}/attachments`, { id: threadId, chunkCount: 1 }],
    ];
    for (const [method, path, body] of attempts) {
      expect((await http(path, jsonInit(method, body, alice.token))).status, `${method} ${path}`).toBe(404);
    }
    // B's thread id for a thread of A's own: refused, nothing replaced.
    const reuse = threadRequest(alice, doctor, threadId).body;
    expect((await http('/api/threads', jsonInit('POST', reuse, alice.token))).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("A's blocks are A's alone", async () => {
    expect(
      (await http('/api/threads/blocks', jsonInit('POST', { accountId: doctor.accountId }, alice.token)))
        .status,
    ).toBe(204);
    expect(await (await http('/api/threads/blocks', jsonInit('GET', undefined, bob.token))).json()).toEqual({
      blocked: [],
    });
    expect(await snapshot()).toEqual(before);
  });
});
