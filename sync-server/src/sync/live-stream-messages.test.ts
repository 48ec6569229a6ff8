/**
 * Live arrival of thread messages (docs/architecture.md §8.5): a stored message sends a `message`
 * event `{threadId, seq}` to every participant's stream — on PostgreSQL through LISTEN/NOTIFY —
 * and to nobody else; a refused post (blocked, duplicate) sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import { type Fetcher, jsonInit, serverFetcher } from '../testing/api-client.ts';
import { listen, type RunningServer } from '../testing/http-server.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { SseReader } from '../testing/sse-reader.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

function liveMessages(name: string, openStore: () => Promise<Store | undefined>) {
  describe(`live message events: ${name}`, () => {
    let t: TestApp;
    let server: RunningServer;
    let http: Fetcher;

    beforeAll(async () => {
      const store = await openStore();
      t = await createTestApp({ heartbeatMs: 60_000, ...(store ? { store } : {}) });
      server = await listen(t.app);
      http = serverFetcher(server.baseUrl);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await t.close();
    });

    async function stream(who: Person): Promise<SseReader> {
      const res = await http('/api/sync/stream', { headers: { Authorization: `Bearer ${who.token}` } });
      expect(res.status).toBe(200);
      const reader = new SseReader(res);
      expect(await reader.nextMessage()).toEqual({ type: 'resync' });
      return reader;
    }

    it('tells both participants, and only them, that a message arrived', async () => {
      const patient = await person(http);
      const doctor = await person(http, LISTED);
      const outsider = await person(http);
      const request = threadRequest(patient, doctor);
      const threadId = request.body.id;
      expect((await http('/api/threads', jsonInit('POST', request.body, patient.token))).status).toBe(201);
      const [toDoctor, toPatient, toOutsider] = await Promise.all([
        stream(doctor),
        stream(patient),
        stream(outsider),
      ]);

      const first = envelope(threadId, request.key, patient, 1);
      expect(
        (await http(`/api/threads/${threadId}/messages`, jsonInit('POST', first, patient.token))).status,
      ).toBe(201);
      expect(await toDoctor.nextMessage()).toEqual({ type: 'message', threadId, seq: 1 });
      expect(await toPatient.nextMessage()).toEqual({ type: 'message', threadId, seq: 1 });
      // A retry stores nothing and announces nothing; the next message is the next event.
      expect(
        (await http(`/api/threads/${threadId}/messages`, jsonInit('POST', first, patient.token))).status,
      ).toBe(200);
      const second = envelope(threadId, request.key, doctor, 1);
      expect(
        (await http(`/api/threads/${threadId}/messages`, jsonInit('POST', second, doctor.token))).status,
      ).toBe(201);
      expect(await toPatient.nextMessage()).toEqual({ type: 'message', threadId, seq: 2 });
      expect(await toDoctor.nextMessage()).toEqual({ type: 'message', threadId, seq: 2 });
      await expect(toOutsider.nextMessage(300)).rejects.toThrow(/timed out/);
      await Promise.all([toDoctor.cancel(), toPatient.cancel(), toOutsider.cancel()]);
    });
  });
}

liveMessages('SQLite', async () => undefined);

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
liveMessages('PostgreSQL', async () => openPostgresStore((cluster as PostgresCluster).url));
