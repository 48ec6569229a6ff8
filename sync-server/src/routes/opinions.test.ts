/**
 * Second-opinion routes on SQLite and PostgreSQL, with real keys: a parent offers a request to two
 * referent doctors ("let Carnet choose"); each opens only its own summary; the first to accept takes
 * it and the other sees it gone; only the parent and the accepting doctor can list or post items
 * (404 for the other candidate, a stranger, anyone); what the other candidate could fetch does not
 * open with its key anyway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { openOpinionPart, sealOpinionPart } from '../../../shared/crypto/opinion-seal.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import { expectReason } from '../../../shared/crypto/testing.ts';
import type { OpinionItem, OpinionSummary } from '../../../shared/protocol/opinions.ts';
import { openPostgresStore } from '../store/postgres.ts';
import type { Store } from '../store/store.ts';
import { jsonInit } from '../testing/api-client.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { LISTED, type Person, person } from '../testing/thread-fixtures.ts';

const REFERENT = {
  ...LISTED,
  specialty: 'Cardiologie',
  accepts: { messages: false, secondOpinions: true, calls: false },
};

const author = (p: Person) => ({
  signPublicKey: p.identity.sign.publicKey,
  signSecretKey: p.identity.sign.secretKey,
});
const reader = (p: Person) => ({
  boxPublicKey: p.identity.box.publicKey,
  boxSecretKey: p.identity.box.secretKey,
});

function suite(name: string, openStore: () => Promise<Store | undefined>) {
  describe(`second-opinion routes: ${name}`, () => {
    let t: TestApp;
    let parent: Person;
    let first: Person;
    let second: Person;
    let stranger: Person;
    let notReferent: Person;
    let requestId: string;

    const call = (method: string, path: string, who: Person | null, body?: unknown) =>
      t.fetcher(path, jsonInit(method, body, who?.token));
    const list = async (who: Person) =>
      ((await (await call('GET', '/api/opinions', who)).json()) as { opinions: OpinionSummary[] }).opinions;
    const offerTo = (candidates: Person[], id = randomId()) => ({
      id,
      requesterCopy: sealOpinionPart({ type: 'request' }, author(parent), parent.identity.box.publicKey),
      offers: candidates.map((c) => ({
        candidateId: c.accountId,
        sealedSummary: sealOpinionPart(
          { v: 1, field: 'cardiology', ageYears: 7, question: 'Murmur?' },
          author(parent),
          c.identity.box.publicKey,
        ),
      })),
    });
    const item = (from: Person, doctor: Person, content: unknown, kind = 'note') => ({
      kind,
      forRequester: sealOpinionPart(content, author(from), parent.identity.box.publicKey),
      forDoctor: sealOpinionPart(content, author(from), doctor.identity.box.publicKey),
    });

    beforeAll(async () => {
      const store = await openStore();
      t = await createTestApp(store ? { store } : {});
      parent = await person(t.fetcher);
      first = await person(t.fetcher, REFERENT);
      second = await person(t.fetcher, { ...REFERENT, name: 'Dr Second' });
      stranger = await person(t.fetcher);
      notReferent = await person(t.fetcher, LISTED);
      const body = offerTo([first, second]);
      requestId = body.id;
      expect((await call('POST', '/api/opinions', parent, body)).status).toBe(201);
    }, 60_000);
    afterAll(() => t.close());

    it('offers only to doctors who accept second opinions, never to the requester', async () => {
      expect((await call('POST', '/api/opinions', parent, offerTo([notReferent]))).status).toBe(403);
      expect((await call('POST', '/api/opinions', parent, offerTo([stranger]))).status).toBe(403);
      expect((await call('POST', '/api/opinions', first, offerTo([first]))).status).toBe(400);
      expect((await call('POST', '/api/opinions', null, offerTo([first]))).status).toBe(401);
    });

    it('shows each candidate its own sealed summary, which only that candidate opens', async () => {
      const forFirst = (await list(first)).find((o) => o.id === requestId);
      expect(forFirst).toMatchObject({ role: 'candidate', state: 'offered', candidates: 2 });
      const opened = openOpinionPart(
        forFirst?.sealedSummary as string,
        reader(first),
        parent.identity.sign.publicKey,
      );
      expect(opened.content).toMatchObject({ field: 'cardiology', ageYears: 7 });
      expectReason(
        () =>
          openOpinionPart(forFirst?.sealedSummary as string, reader(second), parent.identity.sign.publicKey),
        'tampered',
      );
      expect((await list(stranger)).some((o) => o.id === requestId)).toBe(false);
      expect((await list(parent)).find((o) => o.id === requestId)).toMatchObject({
        role: 'requester',
        sealedSummary: null,
      });
    });

    it('takes no item before a doctor accepted', async () => {
      expect(
        (await call('POST', `/api/opinions/${requestId}/items`, parent, item(parent, first, { x: 1 })))
          .status,
      ).toBe(409);
    });

    it('lets the first doctor accept; the second gets 409 and sees it gone, without its summary', async () => {
      const res = await call('POST', `/api/opinions/${requestId}/accept`, first, { priceCents: 4500 });
      expect(res.status).toBe(200);
      const accepted = (await res.json()) as OpinionSummary;
      expect(accepted).toMatchObject({ role: 'doctor', state: 'accepted', priceCents: 4500 });
      expect((accepted.dueAt ?? 0) - (accepted.acceptedAt ?? 0)).toBe(7 * 24 * 3600 * 1000);
      const late = await call('POST', `/api/opinions/${requestId}/accept`, second, { priceCents: 1 });
      expect(late.status).toBe(409);
      expect(((await late.json()) as { error: { reason: string } }).error.reason).toBe('opinion-taken');
      const forSecond = (await list(second)).find((o) => o.id === requestId);
      expect(forSecond).toMatchObject({ state: 'gone', sealedSummary: null, doctorId: null, items: 0 });
      expect(
        (await call('POST', `/api/opinions/${requestId}/accept`, stranger, { priceCents: 1 })).status,
      ).toBe(404);
    });

    it('lets only the requester and the accepting doctor read and post items', async () => {
      const request = { type: 'request', forms: 'VSD, murmur' };
      expect(
        (await call('POST', `/api/opinions/${requestId}/items`, parent, item(parent, first, request))).status,
      ).toBe(201);
      for (const outsider of [second, stranger, notReferent]) {
        expect((await call('GET', `/api/opinions/${requestId}/items`, outsider)).status).toBe(404);
        expect(
          (await call('POST', `/api/opinions/${requestId}/items`, outsider, item(outsider, first, {})))
            .status,
        ).toBe(404);
        expect((await call('POST', `/api/opinions/${requestId}/close`, outsider)).status).toBe(404);
      }
      expect((await call('GET', `/api/opinions/${requestId}/items`, null)).status).toBe(401);
      const asDoctor = (await (await call('GET', `/api/opinions/${requestId}/items`, first)).json()) as {
        items: OpinionItem[];
      };
      expect(asDoctor.items).toHaveLength(1);
      const opened = openOpinionPart(
        asDoctor.items[0]?.sealed as string,
        reader(first),
        parent.identity.sign.publicKey,
      );
      expect(opened.content).toEqual(request);
      // Even the doctor's copy, had it leaked to the other candidate, does not open with its key.
      expectReason(
        () =>
          openOpinionPart(
            asDoctor.items[0]?.sealed as string,
            reader(second),
            parent.identity.sign.publicKey,
          ),
        'tampered',
      );
      expect(fromBase64(asDoctor.items[0]?.sealed as string).length).toBeGreaterThan(48);
    });

    it('takes the report from the doctor only, once, and marks the request done', async () => {
      expect(
        (await call('POST', `/api/opinions/${requestId}/items`, parent, item(parent, first, {}, 'report')))
          .status,
      ).toBe(403);
      const report = item(first, first, { type: 'report' }, 'report');
      expect((await call('POST', `/api/opinions/${requestId}/items`, first, report)).status).toBe(201);
      expect((await call('POST', `/api/opinions/${requestId}/items`, first, report)).status).toBe(409);
      const mine = (await list(parent)).find((o) => o.id === requestId);
      expect(mine).toMatchObject({ state: 'done', doctorId: first.accountId, items: 2 });
      expect((mine?.reportedAt ?? Infinity) <= (mine?.dueAt ?? 0)).toBe(true);
    });

    it('lets the doctor not close it; the requester closes it and the offer is gone for everyone', async () => {
      const other = offerTo([first, second]);
      await call('POST', '/api/opinions', parent, other);
      expect((await call('POST', `/api/opinions/${other.id}/close`, parent)).status).toBe(204);
      expect((await list(first)).find((o) => o.id === other.id)).toMatchObject({
        state: 'gone',
        sealedSummary: null,
      });
      expect((await call('POST', `/api/opinions/${other.id}/accept`, first, { priceCents: 0 })).status).toBe(
        409,
      );
      expect((await list(parent)).find((o) => o.id === other.id)).toMatchObject({ state: 'closed' });
      expect((await call('POST', `/api/opinions/${requestId}/close`, first)).status).toBe(403);
    });
  });
}

suite('SQLite', async () => undefined);

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
suite('PostgreSQL', async () => openPostgresStore((cluster as PostgresCluster).url));
