/**
 * PostgreSQL implementation of the second-opinion methods of the Store (opinion-store.ts). Items
 * lock the request's row (`SELECT … FOR UPDATE`) before numbering, so concurrent posts get their
 * `seq` in commit order; acceptance is one conditional UPDATE, so of two doctors accepting at once
 * exactly one changes the row.
 */
import type pg from 'pg';
import {
  type ItemRow,
  itemAllowed,
  type OpinionRow,
  type OpinionStore,
  opinionSql,
  toItem,
  toListing,
  toOpinion,
} from './opinion-store.ts';
import { inTransaction } from './postgres.ts';

const SQL = opinionSql('postgres');

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

export function postgresOpinionStore(pool: pg.Pool): OpinionStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<R>(sql, params)).rows;

  return {
    async createOpinion(opinion) {
      try {
        await inTransaction(pool, async (client) => {
          await client.query(SQL.insert, [
            opinion.id,
            opinion.requesterId,
            opinion.createdAt,
            opinion.offers.length,
            opinion.requesterCopy,
          ]);
          for (const offer of opinion.offers) {
            await client.query(SQL.insertOffer, [opinion.id, offer.candidateId, offer.sealedSummary]);
          }
        });
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error) && (await rows(SQL.get, [opinion.id])).length > 0) return 'id-taken';
        throw error;
      }
    },
    async getOpinion(id) {
      const row = (await rows<OpinionRow>(SQL.get, [id]))[0];
      return row ? toOpinion(row) : null;
    },
    async listOpinions(accountId) {
      return (await rows<OpinionRow>(SQL.list, [accountId, accountId, accountId])).map(toListing);
    },
    async acceptOpinion(id, doctorId, at, dueAt, priceCents) {
      return inTransaction(pool, async (client) => {
        const updated = await client.query(SQL.accept, [doctorId, at, dueAt, priceCents, id, id, doctorId]);
        if (updated.rowCount === 1) {
          await client.query(SQL.withdrawOthers, [id, doctorId]);
          return 'accepted' as const;
        }
        const offered = await client.query(SQL.offer, [id, doctorId]);
        return offered.rowCount ? ('taken' as const) : ('not-offered' as const);
      });
    },
    async addOpinionItem(item) {
      return inTransaction(pool, async (client) => {
        const row = (await client.query<{ state: string }>(SQL.lockState, [item.requestId])).rows[0];
        if (!row) return { refused: 'no-request' as const };
        if (!itemAllowed(row.state, item.kind)) return { refused: 'not-open' as const };
        const next = (await client.query<{ seq: string }>(SQL.nextSeq, [item.requestId])).rows[0];
        const seq = Number(next?.seq ?? 1);
        await client.query(SQL.insertItem, [
          item.requestId,
          seq,
          item.authorId,
          item.kind,
          item.at,
          item.forRequester,
          item.forDoctor,
        ]);
        if (item.kind === 'report') await client.query(SQL.reported, [item.at, item.requestId]);
        return { seq };
      });
    },
    async listOpinionItems(requestId) {
      return (await rows<ItemRow>(SQL.items, [requestId])).map(toItem);
    },
    async closeOpinion(id, at) {
      return inTransaction(pool, async (client) => {
        const closed = (await client.query(SQL.close, [at, id])).rowCount === 1;
        if (closed) await client.query(SQL.withdrawAll, [id]);
        return closed;
      });
    },
    async countOpinionsSince(requesterId, since) {
      const row = (await rows<{ n: string }>(SQL.countSince, [requesterId, since]))[0];
      return Number(row?.n ?? 0);
    },
  };
}
