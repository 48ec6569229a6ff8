/**
 * The document half of the Store contract (store.ts): sequence and pull order, push rules,
 * idempotence, tombstones, the profile limit, isolation of accounts, change events, and no skipped
 * document under concurrent pushes. Called by `storeContract` with its store and account factory.
 */
import { expect, it } from 'vitest';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { MAX_PROFILES } from '../../../shared/schema/profile.ts';
import { create, envelope, profileEnvelope, update, withoutTime } from '../testing/envelopes.ts';
import { ProfileLimitError } from './errors.ts';
import type { AccountEvent, Store } from './store.ts';

export const NOW = 1_750_000_000_000;

export function documentContract(current: () => Store, newAccount: () => Promise<string>): void {
  async function pullAll(accountId: string, after = 0): Promise<Envelope[]> {
    const all: Envelope[] = [];
    let checkpoint = after;
    for (;;) {
      const page = await current().pull(accountId, checkpoint, 7);
      if (page.documents.length === 0) return all;
      all.push(...page.documents);
      checkpoint = page.checkpoint;
    }
  }

  it('numbers writes with a strictly increasing sequence and pulls strictly after a checkpoint', async () => {
    const id = await newAccount();
    const docs = Array.from({ length: 20 }, (_, i) => envelope(`d${i}`));
    const outcome = await current().push(id, docs.map(create), NOW);
    expect(outcome).toEqual({ conflicts: [], written: 20, seq: 20 });
    const first = await current().pull(id, 0, 5);
    expect(first.documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(first.checkpoint).toBe(5);
    const next = await current().pull(id, first.checkpoint, 5);
    expect(next.documents.map((d) => d.id)).toEqual(['d5', 'd6', 'd7', 'd8', 'd9']);
    expect(await current().pull(id, 20, 5)).toEqual({ documents: [], checkpoint: 20 });
    expect((await current().getAccount(id))?.seq).toBe(20);

    const pulled = await pullAll(id);
    expect(pulled.map(withoutTime)).toEqual(docs.map(withoutTime));
    expect(pulled.every((d) => d.updatedAt === NOW)).toBe(true);
  });

  it('pulls one kind only, strictly after the checkpoint, with the seq of the last one returned', async () => {
    const id = await newAccount();
    // seq: p1=1 r1=2 b1=3 b2=4 r2=5 p2=6 b3=7 r3=8
    const docs = [
      profileEnvelope('p1'),
      envelope('r1'),
      envelope('b1', 1, { kind: 'blob' }),
      envelope('b2', 1, { kind: 'blob' }),
      envelope('r2'),
      profileEnvelope('p2'),
      envelope('b3', 1, { kind: 'blob' }),
      envelope('r3'),
    ];
    await current().push(id, docs.map(create), NOW);

    const records = await current().pull(id, 0, 2, 'record');
    expect(records.documents.map((d) => d.id)).toEqual(['r1', 'r2']);
    expect(records.checkpoint).toBe(5);
    const moreRecords = await current().pull(id, records.checkpoint, 2, 'record');
    expect(moreRecords.documents.map((d) => d.id)).toEqual(['r3']);
    expect(moreRecords.checkpoint).toBe(8);
    expect(await current().pull(id, 8, 2, 'record')).toEqual({ documents: [], checkpoint: 8 });

    const blobs = await current().pull(id, 3, 10, 'blob');
    expect(blobs.documents.map((d) => d.id)).toEqual(['b2', 'b3']);
    expect(blobs.checkpoint).toBe(7);
    // Nothing of the kind after the checkpoint: the checkpoint comes back as asked, even when
    // documents of other kinds follow it.
    expect(await current().pull(id, 7, 10, 'blob')).toEqual({ documents: [], checkpoint: 7 });
    expect(await current().pull(id, 0, 10, 'keyring')).toEqual({ documents: [], checkpoint: 0 });

    const profiles = await current().pull(id, 0, 10, 'profile');
    expect(profiles.documents.map((d) => d.id)).toEqual(['p1', 'p2']);
    expect(profiles.checkpoint).toBe(6);

    // Without a kind, every kind as before; a rewrite moves the document after the checkpoint.
    expect((await current().pull(id, 0, 10)).documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    const [r1] = records.documents;
    if (!r1) throw new Error('missing r1');
    await current().push(id, [update(r1)], NOW);
    const rewritten = await current().pull(id, 8, 10, 'record');
    expect(rewritten.documents.map((d) => [d.id, d.rev])).toEqual([['r1', 2]]);
    expect(rewritten.checkpoint).toBe(9);
    expect(await current().pull(id, 8, 10, 'blob')).toEqual({ documents: [], checkpoint: 8 });
  });

  it('keeps accounts apart in a pull of one kind', async () => {
    const a = await newAccount();
    const b = await newAccount();
    await current().push(a, [create(envelope('r'))], NOW);
    expect(await current().pull(b, 0, 10, 'record')).toEqual({ documents: [], checkpoint: 0 });
  });

  it('moves a rewritten document after the checkpoint, once', async () => {
    const id = await newAccount();
    await current().push(id, [create(envelope('a')), create(envelope('b'))], NOW);
    const [a] = (await current().pull(id, 0, 1)).documents;
    if (!a) throw new Error('missing a');
    const row = update(a);
    await current().push(id, [row], NOW + 5);
    const after = await pullAll(id, 2);
    expect(after.map(withoutTime)).toEqual([withoutTime(row.newDocumentState)]);
    expect(after[0]?.updatedAt).toBe(NOW + 5);
    expect((await pullAll(id)).map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('reports conflicts on the plaintext rev and writes the other rows', async () => {
    const id = await newAccount();
    const a = envelope('a');
    await current().push(id, [create(a)], NOW);
    const stale = { ...a, rev: 1, nonce: 'c3RhbGU', ciphertext: 'b3RoZXItY2lwaGVydGV4dA' };
    const outcome = await current().push(
      id,
      [
        create(envelope('a', 1)), // no assumed state, but the server has a copy
        create(envelope('b')),
      ],
      NOW,
    );
    expect(outcome.conflicts.map(withoutTime)).toEqual([withoutTime(a)]);
    expect(outcome.written).toBe(1);

    // The assumed state differs in ciphertext only (re-encrypted): not a conflict.
    const ok = await current().push(id, [update(stale)], NOW);
    expect(ok.conflicts).toEqual([]);
    const [master] = (await pullAll(id)).filter((d) => d.id === 'a');
    expect(master?.rev).toBe(2);

    const wrongRev = await current().push(id, [update({ ...a, rev: 5 })], NOW);
    expect(wrongRev.conflicts.map(withoutTime)).toEqual([withoutTime(master as Envelope)]);
    expect(wrongRev.written).toBe(0);
  });

  it('refuses to move a document to another profile or kind', async () => {
    const id = await newAccount();
    const a = envelope('a');
    await current().push(id, [create(a)], NOW);
    const moved = await current().push(id, [update(a, { profileId: 'prf_other' })], NOW);
    expect(moved.conflicts).toHaveLength(1);
    const rekinded = await current().push(id, [update(a, { kind: 'blob' })], NOW);
    expect(rekinded.conflicts).toHaveLength(1);
  });

  it('treats a retried push as done: no conflict, nothing written, same sequence', async () => {
    const id = await newAccount();
    const base = envelope('a');
    await current().push(id, [create(base)], NOW);
    const rows = [update(base), create(envelope('b'))];
    const first = await current().push(id, rows, NOW);
    const retry = await current().push(id, rows, NOW + 10);
    expect(first).toEqual({ conflicts: [], written: 2, seq: 3 });
    expect(retry).toEqual({ conflicts: [], written: 0, seq: 3 });
    expect((await pullAll(id)).map((d) => [d.id, d.rev, d.updatedAt])).toEqual([
      ['a', 2, NOW],
      ['b', 1, NOW],
    ]);
  });

  it('keeps tombstones and pulls them', async () => {
    const id = await newAccount();
    const a = envelope('a');
    await current().push(id, [create(a)], NOW);
    const tombstone = update(a, { _deleted: true });
    await current().push(id, [tombstone], NOW);
    expect((await pullAll(id)).map(withoutTime)).toEqual([withoutTime(tombstone.newDocumentState)]);
  });

  it('keeps author and signature, and a large ciphertext, intact', async () => {
    const id = await newAccount();
    const signed = envelope('s', 1, {
      author: 'YXV0aG9y',
      sig: 'c2lnbmF0dXJl',
      ciphertext: 'A'.repeat(1_000_000),
    });
    await current().push(id, [create(signed)], NOW);
    expect((await pullAll(id)).map(withoutTime)).toEqual([withoutTime(signed)]);
  });

  it(`allows ${MAX_PROFILES} live profiles and refuses a push that adds a seventh, whole`, async () => {
    const id = await newAccount();
    const profiles = Array.from({ length: MAX_PROFILES }, (_, i) => profileEnvelope(`p${i}`));
    await current().push(id, profiles.map(create), NOW);
    const seventh = current().push(id, [create(envelope('r1')), create(profileEnvelope('p7'))], NOW);
    await expect(seventh).rejects.toBeInstanceOf(ProfileLimitError);
    expect((await pullAll(id)).map((d) => d.id)).not.toContain('r1');
    expect((await current().getAccount(id))?.seq).toBe(MAX_PROFILES);

    // A tombstone frees a place; a push that adds none is never refused.
    const [p0] = profiles;
    if (!p0) throw new Error('no profile');
    const edit = await current().push(
      id,
      [update(p0, { _deleted: true }), create(profileEnvelope('p7'))],
      NOW,
    );
    expect(edit.written).toBe(2);
    await expect(current().push(id, [create(profileEnvelope('p8'))], NOW)).rejects.toBeInstanceOf(
      ProfileLimitError,
    );
  });

  it('keeps accounts apart: the same ids in two accounts are two documents', async () => {
    const a = await newAccount();
    const b = await newAccount();
    await current().push(a, [create(envelope('same'))], NOW);
    expect(await current().pull(b, 0, 10)).toEqual({ documents: [], checkpoint: 0 });
    const inB = await current().push(b, [create(envelope('same'))], NOW);
    expect(inB.conflicts).toEqual([]);
    expect(inB.seq).toBe(1);
  });

  it('tells subscribers about committed pushes and deletions', async () => {
    const id = await newAccount();
    const events: AccountEvent[] = [];
    const seen = new Promise<void>((resolve) => {
      const stop = current().subscribe(id, (event) => {
        events.push(event);
        if (event.type === 'deleted') {
          stop();
          resolve();
        }
      });
    });
    await current().push(id, [create(envelope('a')), create(envelope('b'))], NOW);
    await current().push(id, [create(envelope('a'))], NOW); // a conflict: nothing committed, no event
    await current().deleteAccount(id);
    await seen;
    expect(events).toEqual([{ type: 'change', seq: 2 }, { type: 'deleted' }]);
  });

  it('never lets a puller skip a document while pushes run concurrently', async () => {
    const id = await newAccount();
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 10; i++) {
          await current().push(id, [create(envelope(`w${w}-${i}-a`)), create(envelope(`w${w}-${i}-b`))], NOW);
        }
      })(),
    );
    const seen = new Map<string, number>();
    let checkpoint = 0;
    let done = false;
    const puller = (async () => {
      while (!done || (await current().getAccount(id))?.seq !== checkpoint) {
        const page = await current().pull(id, checkpoint, 13);
        for (const doc of page.documents) seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
        checkpoint = page.checkpoint;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(writers);
    done = true;
    await puller;
    expect(seen.size).toBe(160);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(checkpoint).toBe(160);
  });
}
