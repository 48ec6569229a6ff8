/** SQLite implementation of the second-opinion methods of the Store (opinion-store.ts). */
import type Database from 'better-sqlite3';
import {
  type AddItemOutcome,
  type ItemRow,
  itemAllowed,
  type NewOpinion,
  type NewOpinionItem,
  type OpinionRow,
  type OpinionStore,
  opinionSql,
  toItem,
  toListing,
  toOpinion,
} from './opinion-store.ts';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

export function sqliteOpinionStore(db: Database.Database): OpinionStore {
  const q = Object.fromEntries(
    Object.entries(opinionSql('sqlite')).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof ReturnType<typeof opinionSql>, Database.Statement>;

  const createTx = db.transaction((o: NewOpinion) => {
    q.insert.run(o.id, o.requesterId, o.createdAt, o.offers.length, o.requesterCopy);
    for (const offer of o.offers) q.insertOffer.run(o.id, offer.candidateId, offer.sealedSummary);
  });

  const acceptTx = db.transaction(
    (id: string, doctorId: string, at: number, dueAt: number, priceCents: number) => {
      if (q.accept.run(doctorId, at, dueAt, priceCents, id, id, doctorId).changes === 1) {
        q.withdrawOthers.run(id, doctorId);
        return 'accepted' as const;
      }
      return q.offer.get(id, doctorId) ? ('taken' as const) : ('not-offered' as const);
    },
  );

  const addItemTx = db.transaction((item: NewOpinionItem): AddItemOutcome => {
    const row = q.lockState.get(item.requestId) as { state: string } | undefined;
    if (!row) return { refused: 'no-request' };
    if (!itemAllowed(row.state, item.kind)) return { refused: 'not-open' };
    const { seq } = q.nextSeq.get(item.requestId) as { seq: number };
    q.insertItem.run(
      item.requestId,
      seq,
      item.authorId,
      item.kind,
      item.at,
      item.forRequester,
      item.forDoctor,
    );
    if (item.kind === 'report') q.reported.run(item.at, item.requestId);
    return { seq };
  });

  const closeTx = db.transaction((id: string, at: number) => {
    const closed = q.close.run(at, id).changes === 1;
    if (closed) q.withdrawAll.run(id);
    return closed;
  });

  return {
    async createOpinion(opinion) {
      try {
        createTx.immediate(opinion);
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error) && q.get.get(opinion.id)) return 'id-taken';
        throw error;
      }
    },
    async getOpinion(id) {
      const row = q.get.get(id) as OpinionRow | undefined;
      return row ? toOpinion(row) : null;
    },
    async listOpinions(accountId) {
      return (q.list.all(accountId, accountId, accountId) as OpinionRow[]).map(toListing);
    },
    async acceptOpinion(id, doctorId, at, dueAt, priceCents) {
      return acceptTx.immediate(id, doctorId, at, dueAt, priceCents);
    },
    async addOpinionItem(item) {
      return addItemTx.immediate(item);
    },
    async listOpinionItems(requestId) {
      return (q.items.all(requestId) as ItemRow[]).map(toItem);
    },
    async closeOpinion(id, at) {
      return closeTx.immediate(id, at);
    },
    async countOpinionsSince(requesterId, since) {
      return Number((q.countSince.get(requesterId, since) as { n: number }).n);
    },
  };
}
