/**
 * One push in PostgreSQL, inside the caller's transaction: lock the account row (concurrent pushes
 * to the account queue here, so sequence numbers follow commit order), read the server copies,
 * apply push-rules.ts, write every accepted row in one `INSERT … SELECT FROM unnest(…)`, advance the
 * account's sequence and notify listeners — all committed together, or not at all.
 */
import type pg from 'pg';
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, toEnvelope } from './document-row.ts';
import { AccountGoneError } from './errors.ts';
import { NOTIFY_CHANNEL, notifyPayload } from './postgres-notify.ts';
import { checkProfileLimit, checkQuota, planPush, storageDelta } from './push-rules.ts';
import type { PushOutcome } from './store.ts';

const UPSERT = `INSERT INTO documents (account_id, seq, ${DOCUMENT_COLUMNS})
  SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
    $8::boolean[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[])
  ON CONFLICT (account_id, id) DO UPDATE SET seq = EXCLUDED.seq, profile_id = EXCLUDED.profile_id,
    kind = EXCLUDED.kind, rev = EXCLUDED.rev, updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted,
    key_id = EXCLUDED.key_id, schema_version = EXCLUDED.schema_version, nonce = EXCLUDED.nonce,
    ciphertext = EXCLUDED.ciphertext, author = EXCLUDED.author, sig = EXCLUDED.sig`;

function upsertParams(accountId: string, firstSeq: number, docs: readonly Envelope[]): unknown[] {
  return [
    accountId,
    docs.map((_, i) => firstSeq + i),
    docs.map((d) => d.id),
    docs.map((d) => d.profileId),
    docs.map((d) => d.kind),
    docs.map((d) => d.rev),
    docs.map((d) => d.updatedAt),
    docs.map((d) => d._deleted),
    docs.map((d) => d.keyId),
    docs.map((d) => d.schemaVersion),
    docs.map((d) => d.nonce),
    docs.map((d) => d.ciphertext),
    docs.map((d) => d.author ?? null),
    docs.map((d) => d.sig ?? null),
  ];
}

export async function pushInTransaction(
  client: pg.PoolClient,
  accountId: string,
  rows: readonly PushRow[],
  now: number,
  quotaBytes?: number,
): Promise<PushOutcome> {
  const locked = await client.query<{ seq: string; stored_bytes: string }>(
    'SELECT seq, stored_bytes FROM accounts WHERE id = $1 FOR UPDATE',
    [accountId],
  );
  const current = locked.rows[0];
  if (!current) throw new AccountGoneError();
  const ids = rows.map((row) => row.newDocumentState.id);
  const found = await client.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE account_id = $1 AND id = ANY($2::text[])`,
    [accountId, ids],
  );
  const masters = new Map(found.rows.map((row) => [row.id, toEnvelope(row)]));
  const plan = planPush(masters, rows, now);
  if (plan.profileDelta > 0) {
    const live = await client.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM documents WHERE account_id = $1 AND kind = 'profile' AND NOT deleted",
      [accountId],
    );
    checkProfileLimit(Number(live.rows[0]?.n ?? 0), plan.profileDelta);
  }
  const delta = storageDelta(masters, plan.writes);
  checkQuota(Number(current.stored_bytes), delta, quotaBytes);
  let seq = Number(current.seq);
  if (plan.writes.length > 0) {
    await client.query(UPSERT, upsertParams(accountId, seq + 1, plan.writes));
    seq += plan.writes.length;
    await client.query('UPDATE accounts SET seq = $2, stored_bytes = stored_bytes + $3 WHERE id = $1', [
      accountId,
      seq,
      delta,
    ]);
    await client.query('SELECT pg_notify($1, $2)', [
      NOTIFY_CHANNEL,
      notifyPayload(accountId, { type: 'change', seq }),
    ]);
  }
  return { conflicts: plan.conflicts, written: plan.writes.length, seq };
}
