/** The second-opinion methods of the Store contract (opinion-store.ts), run on SQLite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

const id = () => randomBytes(16).toString('base64url');

export function opinionContract(current: () => Store, newAccount: () => Promise<string>): void {
  async function offered(store: Store, candidates: number) {
    const parent = await newAccount();
    const doctors: string[] = [];
    for (let i = 0; i < candidates; i += 1) doctors.push(await newAccount());
    const requestId = id();
    const created = await store.createOpinion({
      id: requestId,
      requesterId: parent,
      createdAt: NOW,
      requesterCopy: 'copy',
      offers: doctors.map((d) => ({ candidateId: d, sealedSummary: `summary-for-${d}` })),
    });
    expect(created).toBe('created');
    return { parent, doctors, requestId };
  }
  const item = (requestId: string, authorId: string, kind: 'note' | 'report' = 'note') => ({
    requestId,
    authorId,
    kind,
    at: NOW + 5,
    forRequester: 'sealed-r',
    forDoctor: 'sealed-d',
  });

  it('opinions: an offer lists for each candidate with its own summary, the id is taken once', async () => {
    const store = current();
    const { parent, doctors, requestId } = await offered(store, 2);
    const [a, b] = doctors as [string, string];
    expect(
      await store.createOpinion({
        id: requestId,
        requesterId: a,
        createdAt: NOW,
        requesterCopy: 'copy',
        offers: [],
      }),
    ).toBe('id-taken');
    const forA = (await store.listOpinions(a)).find((o) => o.id === requestId);
    expect(forA?.offer?.sealedSummary).toBe(`summary-for-${a}`);
    expect(forA?.state).toBe('offered');
    expect(forA?.candidates).toBe(2);
    const forParent = (await store.listOpinions(parent)).find((o) => o.id === requestId);
    expect(forParent?.offer).toBeNull();
    expect((await store.listOpinions(b)).some((o) => o.id === requestId)).toBe(true);
    expect((await store.listOpinions(await newAccount())).some((o) => o.id === requestId)).toBe(false);
  });

  it('opinions: the first accept wins, the other candidate loses the summary, a stranger is refused', async () => {
    const store = current();
    const { doctors, requestId } = await offered(store, 2);
    const [a, b] = doctors as [string, string];
    const results = await Promise.all([
      store.acceptOpinion(requestId, a, NOW + 1, NOW + 100, 5000),
      store.acceptOpinion(requestId, b, NOW + 1, NOW + 100, 6000),
    ]);
    expect(results.filter((r) => r === 'accepted')).toHaveLength(1);
    expect(results.filter((r) => r === 'taken')).toHaveLength(1);
    const winner = results[0] === 'accepted' ? a : b;
    const loser = winner === a ? b : a;
    const got = await store.getOpinion(requestId);
    expect(got).toMatchObject({ state: 'accepted', doctorId: winner, acceptedAt: NOW + 1, dueAt: NOW + 100 });
    expect((await store.listOpinions(loser)).find((o) => o.id === requestId)?.offer).toEqual({
      sealedSummary: null,
    });
    expect((await store.listOpinions(winner)).find((o) => o.id === requestId)?.offer?.sealedSummary).toBe(
      `summary-for-${winner}`,
    );
    expect(await store.acceptOpinion(requestId, await newAccount(), NOW, NOW, 0)).toBe('not-offered');
  });

  it('opinions: items are numbered, only while accepted; a report marks it done once', async () => {
    const store = current();
    const { parent, doctors, requestId } = await offered(store, 1);
    const doctor = doctors[0] as string;
    expect(await store.addOpinionItem(item(requestId, parent))).toEqual({ refused: 'not-open' });
    expect(await store.addOpinionItem(item(id(), parent))).toEqual({ refused: 'no-request' });
    await store.acceptOpinion(requestId, doctor, NOW, NOW + 10, 0);
    expect(await store.addOpinionItem(item(requestId, parent))).toEqual({ seq: 1 });
    expect(await store.addOpinionItem(item(requestId, doctor))).toEqual({ seq: 2 });
    expect(await store.addOpinionItem(item(requestId, doctor, 'report'))).toEqual({ seq: 3 });
    expect(await store.getOpinion(requestId)).toMatchObject({ state: 'done', reportedAt: NOW + 5, items: 3 });
    expect(await store.addOpinionItem(item(requestId, doctor, 'report'))).toEqual({ refused: 'not-open' });
    const items = await store.listOpinionItems(requestId);
    expect(items.map((i) => [i.seq, i.authorId, i.kind])).toEqual([
      [1, parent, 'note'],
      [2, doctor, 'note'],
      [3, doctor, 'report'],
    ]);
  });

  it('opinions: closing ends it once, withdraws every summary and refuses new items', async () => {
    const store = current();
    const { parent, doctors, requestId } = await offered(store, 2);
    expect(await store.closeOpinion(requestId, NOW + 9)).toBe(true);
    expect(await store.closeOpinion(requestId, NOW + 10)).toBe(false);
    expect(await store.getOpinion(requestId)).toMatchObject({ state: 'closed', closedAt: NOW + 9 });
    for (const d of doctors)
      expect((await store.listOpinions(d)).find((o) => o.id === requestId)?.offer).toEqual({
        sealedSummary: null,
      });
    expect(await store.acceptOpinion(requestId, doctors[0] as string, NOW, NOW, 0)).toBe('taken');
    expect(await store.addOpinionItem(item(requestId, parent))).toEqual({ refused: 'not-open' });
    expect(await store.countOpinionsSince(parent, NOW)).toBe(1);
    expect(await store.countOpinionsSince(parent, NOW + 1)).toBe(0);
  });
}
