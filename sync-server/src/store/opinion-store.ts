/**
 * Storage of second-opinion requests (shared/protocol/opinions.ts), part of the `Store`, with a
 * SQLite and a PostgreSQL implementation run through one contract suite (opinions.contract.ts).
 * Both run the SQL below (positional question marks, renumbered for PostgreSQL by `dialect`).
 *
 * Invariants:
 * - First accept wins: acceptance is one conditional update (`state = 'offered'` and an offer to
 *   this candidate still holding its summary); in the same transaction every other candidate's
 *   sealed summary is deleted, so they see the request gone and can no longer read even that.
 * - Items take the request's next `seq` in the same transaction as their insert, after the
 *   request's row is locked; they are accepted only while the request is accepted (or done, for
 *   notes), and a report moves it to done once.
 * - Closing deletes every offer's summary; what was already shared stays readable by the two parties.
 */
import { dialect } from './message-store.ts';

export type StoredOpinionState = 'offered' | 'accepted' | 'done' | 'closed';

export interface OpinionRecord {
  readonly id: string;
  readonly requesterId: string;
  readonly state: StoredOpinionState;
  readonly createdAt: number;
  readonly candidates: number;
  /** The whole request sealed to the requester's own key, for it to send once a doctor accepts. */
  readonly requesterCopy: string;
  readonly doctorId: string | null;
  readonly acceptedAt: number | null;
  readonly dueAt: number | null;
  readonly reportedAt: number | null;
  readonly closedAt: number | null;
  readonly priceCents: number | null;
  readonly items: number;
}

export interface OpinionListing extends OpinionRecord {
  /** This account's offer, when it was a candidate: its sealed summary, null once withdrawn. */
  readonly offer: { readonly sealedSummary: string | null } | null;
}

export interface NewOpinion {
  readonly id: string;
  readonly requesterId: string;
  readonly createdAt: number;
  readonly requesterCopy: string;
  readonly offers: readonly { readonly candidateId: string; readonly sealedSummary: string }[];
}

export interface NewOpinionItem {
  readonly requestId: string;
  readonly authorId: string;
  readonly kind: 'note' | 'report';
  readonly at: number;
  readonly forRequester: string;
  readonly forDoctor: string;
}

export interface StoredOpinionItem extends NewOpinionItem {
  readonly seq: number;
}

export type AcceptOutcome = 'accepted' | 'taken' | 'not-offered';
export type AddItemOutcome = { readonly seq: number } | { readonly refused: 'not-open' | 'no-request' };

export interface OpinionStore {
  createOpinion(opinion: NewOpinion): Promise<'created' | 'id-taken'>;
  getOpinion(id: string): Promise<OpinionRecord | null>;
  /** What the account asked, was offered or accepted, newest first. */
  listOpinions(accountId: string): Promise<OpinionListing[]>;
  acceptOpinion(
    id: string,
    doctorId: string,
    at: number,
    dueAt: number,
    priceCents: number,
  ): Promise<AcceptOutcome>;
  addOpinionItem(item: NewOpinionItem): Promise<AddItemOutcome>;
  listOpinionItems(requestId: string): Promise<StoredOpinionItem[]>;
  /** False when it was already closed or does not exist. */
  closeOpinion(id: string, at: number): Promise<boolean>;
  /** Requests the account created since `since`, for the hourly limit. */
  countOpinionsSince(requesterId: string, since: number): Promise<number>;
}

export interface OpinionRow {
  id: string;
  requester_id: string;
  state: string;
  created_at: number | string;
  candidates: number | string;
  requester_copy: string;
  doctor_id: string | null;
  accepted_at: number | string | null;
  due_at: number | string | null;
  reported_at: number | string | null;
  closed_at: number | string | null;
  price_cents: number | string | null;
  items: number | string;
  offered?: number | string | null;
  sealed_summary?: string | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function toOpinion(row: OpinionRow): OpinionRecord {
  return {
    id: row.id,
    requesterId: row.requester_id,
    state: row.state as StoredOpinionState,
    createdAt: Number(row.created_at),
    candidates: Number(row.candidates),
    requesterCopy: row.requester_copy,
    doctorId: row.doctor_id,
    acceptedAt: num(row.accepted_at),
    dueAt: num(row.due_at),
    reportedAt: num(row.reported_at),
    closedAt: num(row.closed_at),
    priceCents: num(row.price_cents),
    items: Number(row.items),
  };
}

export function toListing(row: OpinionRow): OpinionListing {
  return {
    ...toOpinion(row),
    offer: row.offered ? { sealedSummary: row.sealed_summary ?? null } : null,
  };
}

export interface ItemRow {
  request_id: string;
  seq: number | string;
  author_id: string;
  kind: string;
  at: number | string;
  for_requester: string;
  for_doctor: string;
}

export function toItem(row: ItemRow): StoredOpinionItem {
  return {
    requestId: row.request_id,
    seq: Number(row.seq),
    authorId: row.author_id,
    kind: row.kind as 'note' | 'report',
    at: Number(row.at),
    forRequester: row.for_requester,
    forDoctor: row.for_doctor,
  };
}

const COLUMNS = `r.id, r.requester_id, r.state, r.created_at, r.candidates, r.requester_copy, r.doctor_id, r.accepted_at,
  r.due_at, r.reported_at, r.closed_at, r.price_cents,
  (SELECT COUNT(*) FROM opinion_items i WHERE i.request_id = r.id) AS items`;

export const OPINION_SQL = {
  insert: `INSERT INTO opinion_requests (id, requester_id, state, created_at, candidates, requester_copy)
    VALUES (?, ?, 'offered', ?, ?, ?)`,
  insertOffer: 'INSERT INTO opinion_offers (request_id, candidate_id, sealed_summary) VALUES (?, ?, ?)',
  get: `SELECT ${COLUMNS} FROM opinion_requests r WHERE r.id = ?`,
  list: `SELECT ${COLUMNS}, o.candidate_id AS offered, o.sealed_summary FROM opinion_requests r
    LEFT JOIN opinion_offers o ON o.request_id = r.id AND o.candidate_id = ?
    WHERE r.requester_id = ? OR r.doctor_id = ? OR o.candidate_id IS NOT NULL
    ORDER BY r.created_at DESC, r.id LIMIT 500`,
  accept: `UPDATE opinion_requests SET state = 'accepted', doctor_id = ?, accepted_at = ?, due_at = ?,
      price_cents = ?
    WHERE id = ? AND state = 'offered' AND EXISTS (SELECT 1 FROM opinion_offers o
      WHERE o.request_id = ? AND o.candidate_id = ? AND o.sealed_summary IS NOT NULL)`,
  withdrawOthers: `UPDATE opinion_offers SET sealed_summary = NULL WHERE request_id = ? AND candidate_id <> ?`,
  withdrawAll: 'UPDATE opinion_offers SET sealed_summary = NULL WHERE request_id = ?',
  offer: 'SELECT 1 AS x FROM opinion_offers WHERE request_id = ? AND candidate_id = ?',
  lockState: 'SELECT state FROM opinion_requests WHERE id = ? FOR_UPDATE',
  nextSeq: 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM opinion_items WHERE request_id = ?',
  insertItem: `INSERT INTO opinion_items (request_id, seq, author_id, kind, at, for_requester, for_doctor)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  reported: `UPDATE opinion_requests SET state = 'done', reported_at = ? WHERE id = ?`,
  items: 'SELECT * FROM opinion_items WHERE request_id = ? ORDER BY seq',
  close: `UPDATE opinion_requests SET state = 'closed', closed_at = ? WHERE id = ? AND state <> 'closed'`,
  countSince: 'SELECT COUNT(*) AS n FROM opinion_requests WHERE requester_id = ? AND created_at >= ?',
} as const;

export function opinionSql(kind: 'sqlite' | 'postgres'): Record<keyof typeof OPINION_SQL, string> {
  return Object.fromEntries(
    Object.entries(OPINION_SQL).map(([name, sql]) => [
      name,
      dialect(sql.replace(' FOR_UPDATE', kind === 'postgres' ? ' FOR UPDATE' : ''), kind),
    ]),
  ) as Record<keyof typeof OPINION_SQL, string>;
}

/** Whether an item of this kind may be added to a request in this state. */
export function itemAllowed(state: string, kind: 'note' | 'report'): boolean {
  return kind === 'report' ? state === 'accepted' : state === 'accepted' || state === 'done';
}
