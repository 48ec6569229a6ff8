import { describe, expect, it } from 'vitest';
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { createPullHandler, createPushHandler, type InvalidDocumentReport } from './replication-handlers.ts';

function env(
  id: string,
  kind: Envelope['kind'] = 'record',
  rev = 1,
  extra: Partial<Envelope> = {},
): Envelope {
  return {
    id,
    profileId: kind === 'profile' ? '' : 'p',
    kind,
    rev,
    updatedAt: 0,
    _deleted: false,
    keyId: 'k',
    schemaVersion: 1,
    nonce: Buffer.from(`n${id}${rev}`).toString('base64url'),
    ciphertext: 'Y2lwaGVy',
    ...extra,
  };
}

/** A fake server holding `docs` in sequence order (seq = index + 1). */
function serverWith(docs: unknown[]) {
  const calls: { seq: number; batchSize: number }[] = [];
  const api = {
    pull: async (checkpoint: { seq: number } | null, batchSize: number) => {
      const seq = checkpoint?.seq ?? 0;
      calls.push({ seq, batchSize });
      const documents = docs.slice(seq, seq + batchSize);
      return { documents, checkpoint: { seq: seq + documents.length } };
    },
  } as unknown as ReplicationApi;
  return { api, calls };
}

/** A fake server that filters by kind as the real one does, with the checkpoint of the last one sent. */
function filteringServerWith(docs: Envelope[]) {
  const calls: { seq: number; batchSize: number; kind: string | undefined }[] = [];
  const api = {
    pull: async (checkpoint: { seq: number } | null, batchSize: number, kind?: Envelope['kind']) => {
      const seq = checkpoint?.seq ?? 0;
      calls.push({ seq, batchSize, kind });
      const page = docs
        .map((doc, i) => ({ doc, seq: i + 1 }))
        .filter((d) => d.seq > seq && (kind === undefined || d.doc.kind === kind))
        .slice(0, batchSize);
      return { documents: page.map((d) => d.doc), checkpoint: { seq: page.at(-1)?.seq ?? seq } };
    },
  } as unknown as ReplicationApi;
  return { api, calls };
}

describe('pull handler', () => {
  it('asks the server for its own kind only, in one request per page', async () => {
    const docs = [
      env('p1', 'profile'),
      env('b1', 'blob'),
      env('r1'),
      env('b2', 'blob'),
      env('r2'),
      env('r3'),
    ];
    const { api, calls } = filteringServerWith(docs);
    const pull = createPullHandler({ api: () => api, kind: 'record' });
    const first = await pull(undefined, 2);
    expect(first.documents.map((d) => d.id)).toEqual(['r1', 'r2']);
    expect(first.checkpoint).toEqual({ seq: 5 });
    const second = await pull(first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual(['r3']);
    expect(second.checkpoint).toEqual({ seq: 6 });
    expect(calls).toEqual([
      { seq: 0, batchSize: 2, kind: 'record' },
      { seq: 5, batchSize: 2, kind: 'record' },
    ]);
  });

  it('keeps its own kind and reads on past pages of other kinds', async () => {
    const docs = [
      env('p1', 'profile'),
      env('b1', 'blob'),
      env('b2', 'blob'),
      env('b3', 'blob'),
      env('r1'),
      env('b4', 'blob'),
    ];
    const { api } = serverWith(docs);
    const pull = createPullHandler({ api: () => api, kind: 'record' });
    const first = await pull(undefined, 2);
    expect(first.documents.map((d) => d.id)).toEqual(['r1']);
    expect(first.checkpoint).toEqual({ seq: 6 });
  });

  it('remembers where a scan that found nothing ended', async () => {
    const { api, calls } = serverWith([env('b1', 'blob'), env('b2', 'blob'), env('b3', 'blob')]);
    const pull = createPullHandler({ api: () => api, kind: 'record' });
    expect((await pull({ seq: 0 }, 2)).documents).toEqual([]);
    calls.length = 0;
    await pull({ seq: 0 }, 2);
    expect(calls).toEqual([{ seq: 3, batchSize: 2 }]);
  });

  it('stops before an invalid envelope, with the checkpoint just before it, and reports it', async () => {
    const docs = [env('r1'), env('r2'), { ...env('bad'), title: 'HIV test' }, env('r3')];
    const { api } = serverWith(docs);
    const reports: InvalidDocumentReport[] = [];
    const pull = createPullHandler({ api: () => api, kind: 'record', onInvalid: (r) => reports.push(r) });
    const page = await pull(undefined, 10);
    expect(page.documents.map((d) => d.id)).toEqual(['r1', 'r2']);
    expect(page.checkpoint).toEqual({ seq: 2 });
    expect(reports).toEqual([{ id: 'bad', paths: ['title'] }]);
    const again = await pull({ seq: 2 }, 10);
    expect(again.documents).toEqual([]);
    expect(JSON.stringify(reports)).not.toContain('HIV');
  });
});

describe('push handler', () => {
  function recorder() {
    const sent: PushRow[][] = [];
    const api = {
      push: async (rows: PushRow[]) => {
        sent.push(rows);
        return { conflicts: [] };
      },
    } as unknown as ReplicationApi;
    return { api, sent };
  }

  it('sends new states, skips resolved-to-master rows, bumps tombstones, answers unsendable rows as conflicts', async () => {
    const { api, sent } = recorder();
    const push = createPushHandler({ api: () => api });
    const master = env('a', 'record', 3);
    const stale = env('c', 'record', 5);
    const conflicts = await push([
      { newDocumentState: env('n') },
      { assumedMasterState: master, newDocumentState: { ...master, updatedAt: 7 } },
      {
        assumedMasterState: env('d', 'record', 2),
        newDocumentState: env('d', 'record', 2, { _deleted: true }),
      },
      { assumedMasterState: stale, newDocumentState: env('c', 'record', 4) },
    ]);
    expect(conflicts).toEqual([stale]);
    expect(sent).toHaveLength(1);
    expect(
      sent[0]?.map((r) => [r.newDocumentState.id, r.newDocumentState.rev, r.newDocumentState._deleted]),
    ).toEqual([
      ['n', 1, false],
      ['d', 3, true],
    ]);
    expect(sent[0]?.[0]?.assumedMasterState).toBeNull();
  });

  it('splits large pushes under the body limit', async () => {
    const { api, sent } = recorder();
    const push = createPushHandler({ api: () => api });
    const big = 'A'.repeat(1024 * 1024);
    await push(
      Array.from({ length: 8 }, (_, i) => ({
        newDocumentState: env(`b${i}`, 'blob', 1, { ciphertext: big }),
      })),
    );
    expect(sent.map((rows) => rows.length)).toEqual([5, 3]);
  });
});
