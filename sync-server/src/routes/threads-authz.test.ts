/**
 * The authorization matrix of the messaging routes, on SQLite and PostgreSQL: every thread route ×
 * {participant, another patient, another practitioner, no token}. Outsiders must be refused every
 * single time (404 with a session, 401 without), and must leave no trace in the thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptAttachment } from '../../../shared/crypto/attachment.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { MessagePage, ThreadList } from '../../../shared/protocol/messages.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import { jsonInit } from '../testing/api-client.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

interface RouteCase {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly body: (who: Person, seq: number) => unknown;
  /** What the participant gets (the doctor, or the patient who uploaded the attachment). */
  readonly ok: number;
  readonly byUploader?: boolean;
}

function matrix(name: string, openStore: () => Promise<Store | undefined>) {
  describe(`thread authorization matrix: ${name}`, () => {
    let t: TestApp;
    let patient: Person;
    let doctor: Person;
    let otherPatient: Person;
    let otherDoctor: Person;
    let threadId: string;
    let key: SymmetricKey;
    let attachmentId: string;
    let chunk: string;

    beforeAll(async () => {
      const store = await openStore();
      t = await createTestApp(store ? { store } : {});
      patient = await person(t.fetcher);
      otherPatient = await person(t.fetcher);
      doctor = await person(t.fetcher, LISTED);
      otherDoctor = await person(t.fetcher, { ...LISTED, name: 'Dr Other' });
      const request = threadRequest(patient, doctor);
      threadId = request.body.id;
      key = request.key;
      expect((await call('POST', '/api/threads', patient, request.body)).status).toBe(201);
      attachmentId = randomId();
      const file = encryptAttachment(attachmentId, { bytes: new Uint8Array(10), name: 'a', mediaType: 'x' });
      chunk = file.chunks[0] as string;
      await call('POST', `/api/threads/${threadId}/attachments`, patient, {
        id: attachmentId,
        chunkCount: 1,
      });
      await call('PUT', `/api/threads/${threadId}/attachments/${attachmentId}/chunks/0`, patient, {
        data: chunk,
      });
      const first = envelope(threadId, key, patient, 1, { attachments: [file.ref] }, [attachmentId]);
      expect((await call('POST', `/api/threads/${threadId}/messages`, patient, first)).status).toBe(201);
    }, 60_000);
    afterAll(() => t.close());

    const call = (method: string, path: string, who: Person | null, body?: unknown) =>
      t.fetcher(path, jsonInit(method, body, who?.token));

    const routes = (): RouteCase[] => [
      {
        name: 'list messages',
        method: 'GET',
        path: `/api/threads/${threadId}/messages`,
        body: () => undefined,
        ok: 200,
      },
      {
        name: 'post a message',
        method: 'POST',
        path: `/api/threads/${threadId}/messages`,
        body: (who, seq) => envelope(threadId, key, who, seq),
        ok: 201,
      },
      {
        name: 'receipts',
        method: 'POST',
        path: `/api/threads/${threadId}/receipts`,
        body: () => ({ read: 1 }),
        ok: 204,
      },
      {
        name: 'archive',
        method: 'POST',
        path: `/api/threads/${threadId}/archive`,
        body: () => ({ archived: false }),
        ok: 204,
      },
      {
        name: 'new attachment',
        method: 'POST',
        path: `/api/threads/${threadId}/attachments`,
        body: () => ({ id: randomId(), chunkCount: 1 }),
        ok: 201,
      },
      {
        name: 'write a chunk',
        method: 'PUT',
        path: `/api/threads/${threadId}/attachments/${attachmentId}/chunks/0`,
        body: () => ({ data: chunk }),
        // Only the uploader writes, and only once: it is already there.
        ok: 409,
        byUploader: true,
      },
      {
        name: 'read a chunk',
        method: 'GET',
        path: `/api/threads/${threadId}/attachments/${attachmentId}/chunks/0`,
        body: () => undefined,
        ok: 200,
      },
    ];

    it('refuses every outsider on every thread route, 100% of the time', async () => {
      let refused = 0;
      let expected = 0;
      let seq = 10;
      for (const route of routes()) {
        for (const outsider of [otherPatient, otherDoctor, null]) {
          expected += 1;
          seq += 1;
          const res = await call(
            route.method,
            route.path,
            outsider,
            route.body(outsider ?? otherPatient, seq),
          );
          const status = outsider ? 404 : 401;
          expect(res.status, `${route.name} by ${outsider ? 'an outsider' : 'no token'}`).toBe(status);
          if (res.status === status) refused += 1;
        }
        seq += 1;
        const participant = route.byUploader ? patient : doctor;
        const own = await call(route.method, route.path, participant, route.body(participant, seq));
        expect(own.status, `${route.name} by the participant`).toBe(route.ok);
      }
      expect(refused).toBe(expected);
    });

    it('leaves no trace of outsiders: messages, participants and lists are unchanged', async () => {
      const page = (await (
        await call('GET', `/api/threads/${threadId}/messages`, patient)
      ).json()) as MessagePage;
      expect(new Set(page.messages.map((m) => m.envelope.senderId))).toEqual(
        new Set([patient.accountId, doctor.accountId]),
      );
      for (const outsider of [otherPatient, otherDoctor]) {
        const list = (await (await call('GET', '/api/threads', outsider)).json()) as ThreadList;
        expect(list.threads.map((x) => x.id)).not.toContain(threadId);
      }
      const list = (await (await call('GET', '/api/threads', patient)).json()) as ThreadList;
      expect(list.threads.find((x) => x.id === threadId)?.participants.map((p) => p.accountId)).toEqual([
        patient.accountId,
        doctor.accountId,
      ]);
    });

    it('answers 401 without a token on the account-wide routes', async () => {
      for (const [method, path] of [
        ['GET', '/api/threads'],
        ['POST', '/api/threads'],
        ['GET', '/api/threads/blocks'],
        ['POST', '/api/threads/blocks'],
        ['GET', '/api/directory'],
      ] as const) {
        expect((await call(method, path, null, method === 'POST' ? {} : undefined)).status, path).toBe(401);
      }
    });
  });
}

matrix('SQLite', async () => undefined);

let cluster: PostgresCluster | undefined;
let pgStore: Store | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
matrix('PostgreSQL', async () => {
  pgStore = await openPostgresStore((cluster as PostgresCluster).url);
  return pgStore;
});
