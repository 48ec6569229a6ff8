import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { MAX_PROFILES } from '../../../shared/schema/profile.ts';
import { jsonInit, pull, pullAll, push, register, testVault } from '../testing/api-client.ts';
import { create, envelope, profileEnvelope, update, withoutTime } from '../testing/envelopes.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('replication', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
  });
  afterAll(() => t.close());

  const newAccount = () => register(t.fetcher, testVault(`user${++n}@example.org`));

  it('pulls in pages, strictly after the checkpoint, then answers the checkpoint back', async () => {
    const token = await newAccount();
    const docs = Array.from({ length: 25 }, (_, i) => envelope(`doc${String(i).padStart(2, '0')}`));
    expect(await push(t.fetcher, token, docs.map(create))).toEqual({ conflicts: [] });

    const first = await pull(t.fetcher, token, null, 10);
    expect(first.documents.map((d) => d.id)).toEqual(docs.slice(0, 10).map((d) => d.id));
    expect(first.checkpoint).toEqual({ seq: 10 });
    const second = await pull(t.fetcher, token, first.checkpoint, 10);
    expect(second.documents.map((d) => d.id)).toEqual(docs.slice(10, 20).map((d) => d.id));
    const third = await pull(t.fetcher, token, second.checkpoint, 10);
    expect(third.documents).toHaveLength(5);
    expect(await pull(t.fetcher, token, third.checkpoint, 10)).toEqual({
      documents: [],
      checkpoint: { seq: 25 },
    });
  });

  it('pulls only the kind asked for, with the checkpoint of the last one returned', async () => {
    const token = await newAccount();
    const docs = [
      envelope('r1'),
      envelope('b1', 1, { kind: 'blob' }),
      envelope('r2'),
      envelope('b2', 1, { kind: 'blob' }),
      profileEnvelope('p1'),
    ];
    await push(t.fetcher, token, docs.map(create));
    const records = await pull(t.fetcher, token, null, 10, 'record');
    expect(records.documents.map((d) => d.id)).toEqual(['r1', 'r2']);
    expect(records.checkpoint).toEqual({ seq: 3 });
    const blobs = await pull(t.fetcher, token, { seq: 2 }, 1, 'blob');
    expect(blobs).toEqual({ documents: [expect.objectContaining({ id: 'b2' })], checkpoint: { seq: 4 } });
    expect(await pull(t.fetcher, token, records.checkpoint, 10, 'record')).toEqual({
      documents: [],
      checkpoint: { seq: 3 },
    });
    expect(await pull(t.fetcher, token, null, 10, 'keyring')).toEqual({
      documents: [],
      checkpoint: { seq: 0 },
    });
    expect((await pull(t.fetcher, token, null, 10)).documents).toHaveLength(5);

    const bad = await t.fetcher(
      '/api/sync/pull',
      jsonInit('POST', { checkpoint: null, batchSize: 10, kind: 'note' }, token),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Kind must be one of: record, blob, keyring, profile');
  });

  it('assigns updatedAt on the server', async () => {
    const token = await newAccount();
    clock += 1000;
    await push(t.fetcher, token, [create(envelope('a', 1, { updatedAt: 42 }))]);
    const [doc] = (await pull(t.fetcher, token, null)).documents;
    expect(doc?.updatedAt).toBe(clock);
  });

  it('returns the master copy as a conflict when the assumed revision is stale or missing', async () => {
    const token = await newAccount();
    const a = envelope('a');
    await push(t.fetcher, token, [create(a)]);
    const deviceOne = update(a);
    const deviceTwo = update(a); // both edited rev 1 offline
    expect(await push(t.fetcher, token, [deviceOne])).toEqual({ conflicts: [] });
    const second = await push(t.fetcher, token, [deviceTwo]);
    expect(second.conflicts.map(withoutTime)).toEqual([withoutTime(deviceOne.newDocumentState)]);
    const blind = await push(t.fetcher, token, [create(envelope('a', 7))]);
    expect(blind.conflicts.map((d) => d.rev)).toEqual([2]);
    // The client resolves on top of the master it was given: accepted.
    const master = second.conflicts[0] as Envelope;
    expect(await push(t.fetcher, token, [update(master)])).toEqual({ conflicts: [] });
  });

  it('is idempotent: a retried push changes nothing and reports no conflict', async () => {
    const token = await newAccount();
    const a = envelope('a');
    const rows = [create(a), create(envelope('b'))];
    await push(t.fetcher, token, rows);
    const before = await pullAll(t.fetcher, token);
    clock += 1000;
    expect(await push(t.fetcher, token, rows)).toEqual({ conflicts: [] });
    expect(await pullAll(t.fetcher, token)).toEqual(before);
  });

  it('keeps tombstones so every device learns of the deletion', async () => {
    const token = await newAccount();
    const a = envelope('a');
    await push(t.fetcher, token, [create(a)]);
    const { checkpoint } = await pull(t.fetcher, token, null);
    const tombstone = update(a, { _deleted: true });
    await push(t.fetcher, token, [tombstone]);
    const after = await pull(t.fetcher, token, checkpoint);
    expect(after.documents.map(withoutTime)).toEqual([withoutTime(tombstone.newDocumentState)]);
    expect(after.documents[0]?._deleted).toBe(true);
  });

  it(`refuses a push that would make a seventh profile, whole, with 409 profile-limit`, async () => {
    const token = await newAccount();
    const profiles = Array.from({ length: MAX_PROFILES }, (_, i) => create(profileEnvelope(`p${i}`)));
    expect(await push(t.fetcher, token, profiles)).toEqual({ conflicts: [] });
    const res = await t.fetcher(
      '/api/sync/push',
      jsonInit('POST', { rows: [create(envelope('r')), create(profileEnvelope('p6'))] }, token),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        reason: 'profile-limit',
        message: 'An account can hold at most 6 profiles: this push would make 7. Nothing in it was saved.',
      },
    });
    expect((await pullAll(t.fetcher, token)).documents.map((d) => d.id)).not.toContain('r');
  });

  it('refuses pulls and pushes without a session, and malformed ones with 400', async () => {
    const token = await newAccount();
    expect(
      (await t.fetcher('/api/sync/pull', jsonInit('POST', { checkpoint: null, batchSize: 1 }))).status,
    ).toBe(401);
    expect((await t.fetcher('/api/sync/push', jsonInit('POST', { rows: [] }))).status).toBe(401);
    const bad = await t.fetcher(
      '/api/sync/pull',
      jsonInit('POST', { checkpoint: { seq: -1 }, batchSize: 0 }, token),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        reason: 'bad-request',
        message:
          'Invalid request: checkpoint.seq: Checkpoint sequence must not be negative; batchSize: Batch size must be between 1 and 500',
      },
    });
    const leaky = envelope('x') as Envelope & { title?: string };
    leaky.title = 'HIV test';
    const res = await t.fetcher('/api/sync/push', jsonInit('POST', { rows: [create(leaky)] }, token));
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('rows.0.newDocumentState: unknown fields are not allowed');
    expect(text).not.toContain('HIV');
    expect(text).not.toContain('title');
  });

  it('answers 415 for another content type and 413 past the size limits', async () => {
    const token = await newAccount();
    const text = await t.fetcher('/api/sync/pull', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
      body: '{"checkpoint":null,"batchSize":1}',
    });
    expect(text.status).toBe(415);
    expect((await text.json()).error.reason).toBe('unsupported-media-type');
    const big = await t.fetcher(
      '/api/sync/pull',
      jsonInit('POST', { checkpoint: null, batchSize: 1, pad: 'x'.repeat(70_000) }, token),
    );
    expect(big.status).toBe(413);
    expect((await big.json()).error.reason).toBe('payload-too-large');
    // A push may be larger: 5 MiB of rows parses (and is then refused only for its content).
    const rows = Array.from({ length: 4 }, (_, i) =>
      create(envelope(`big${i}`, 1, { ciphertext: 'A'.repeat(1_300_000) })),
    );
    expect(await push(t.fetcher, token, rows)).toEqual({ conflicts: [] });
    const huge = Array.from({ length: 7 }, (_, i) =>
      create(envelope(`huge${i}`, 1, { ciphertext: 'A'.repeat(1_300_000) })),
    );
    expect((await t.fetcher('/api/sync/push', jsonInit('POST', { rows: huge }, token))).status).toBe(413);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const token = await newAccount();
    const res = await t.fetcher('/api/sync/pull', jsonInit('GET', undefined, token));
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST');
    expect((await res.json()).error.reason).toBe('method-not-allowed');
  });
});
