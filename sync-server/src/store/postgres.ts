/**
 * PostgreSQL store, used when DATABASE_URL is set; several server instances may share it.
 *
 * A push is one transaction that first locks the account row (`SELECT … FOR UPDATE`): concurrent
 * pushes to one account queue there, so sequence numbers are handed out in commit order and a pull
 * by `seq` never skips a late commit. Pushes to different accounts do not wait for each other.
 * Change notifications are sent with `pg_notify` inside the transaction (postgres-notify.ts).
 */
import pg from 'pg';
import { type AccountRow, toAccount } from './account-row.ts';
import { ChangeFanout } from './change-fanout.ts';
import { type FoundSessionRow, foundSession, sessionDevice } from './device-store.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, toEnvelope } from './document-row.ts';
import { MESSAGE_SQL } from './message-store.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { postgresAppointmentStore } from './postgres-appointments.ts';
import { postgresDeviceStore } from './postgres-devices.ts';
import { postgresMessageStore } from './postgres-messages.ts';
import { listenForChanges, NOTIFY_CHANNEL, notifyPayload } from './postgres-notify.ts';
import { postgresOpinionStore } from './postgres-opinions.ts';
import { pushInTransaction } from './postgres-push.ts';
import { postgresPushSubscriptionStore } from './postgres-push-subscriptions.ts';
import { postgresShareStore } from './postgres-shares.ts';
import type { SessionEndReason, Store } from './store.ts';

/** Any number serializes migrations of instances starting together; this one is "carnet" in ASCII. */
const MIGRATION_LOCK = 0x636172_6e6574;

export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true; // the connection itself failed: do not hand it out again
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const { rows } = await client.query<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations',
    );
    const applied = rows[0]?.v ?? 0;
    for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version > applied)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    }
  });
}

export async function openPostgresStore(connectionString: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await migrate(pool);
  const fanout = new ChangeFanout();
  const listener = await listenForChanges(connectionString, fanout, () =>
    fanout.publishAll({ type: 'change', seq: Number.MAX_SAFE_INTEGER }),
  );
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await pool.query<R>(sql, params)).rows[0];

  return {
    kind: 'postgres',
    ...postgresShareStore(pool),
    ...postgresDeviceStore(pool),
    ...postgresPushSubscriptionStore(pool),
    ...postgresMessageStore(pool),
    ...postgresAppointmentStore(pool),
    ...postgresOpinionStore(pool),
    async createAccount(a) {
      const result = await pool.query(
        `INSERT INTO accounts (id, email_hash, keyring, auth_public_key, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email_hash) DO NOTHING`,
        [a.id, a.emailHash, a.keyringJson, a.authPublicKey, a.createdAt],
      );
      return result.rowCount === 1;
    },
    async findAccountByEmailHash(emailHash) {
      return toAccount(await one<AccountRow>('SELECT * FROM accounts WHERE email_hash = $1', [emailHash]));
    },
    async getAccount(accountId) {
      return toAccount(await one<AccountRow>('SELECT * FROM accounts WHERE id = $1', [accountId]));
    },
    async updateKeyring(accountId, keyringJson, authPublicKey) {
      const result = await pool.query(
        'UPDATE accounts SET keyring = $2, auth_public_key = $3 WHERE id = $1',
        [accountId, keyringJson, authPublicKey],
      );
      return result.rowCount === 1;
    },
    async setTerms(accountId, termsJson) {
      const result = await pool.query('UPDATE accounts SET terms = $2 WHERE id = $1', [accountId, termsJson]);
      return result.rowCount === 1;
    },
    async deleteAccount(accountId) {
      return inTransaction(pool, async (client) => {
        const gone = await client.query<{ email_hash: string }>(
          'SELECT email_hash FROM accounts WHERE id = $1 FOR UPDATE',
          [accountId],
        );
        const account = gone.rows[0];
        if (!account) return false;
        await client.query('DELETE FROM documents WHERE account_id = $1', [accountId]);
        await client.query('DELETE FROM emergency_openings WHERE account_id = $1', [accountId]);
        await client.query('DELETE FROM emergency_tokens WHERE account_id = $1', [accountId]);
        await client.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
        await client.query('DELETE FROM access_events WHERE account_id = $1', [accountId]);
        await client.query('DELETE FROM challenges WHERE email_hash = $1', [account.email_hash]);
        await client.query('DELETE FROM accounts WHERE id = $1', [accountId]);
        await client.query(MESSAGE_SQL.deleteOrphanThreads);
        await client.query('SELECT pg_notify($1, $2)', [
          NOTIFY_CHANNEL,
          notifyPayload(accountId, { type: 'deleted' }),
        ]);
        return true;
      });
    },
    async putChallenge(nonceHash, emailHash, expiresAt) {
      await pool.query('INSERT INTO challenges (nonce_hash, email_hash, expires_at) VALUES ($1, $2, $3)', [
        nonceHash,
        emailHash,
        expiresAt,
      ]);
    },
    async takeChallenge(nonceHash, now) {
      const row = await one<{ email_hash: string; expires_at: string }>(
        'DELETE FROM challenges WHERE nonce_hash = $1 RETURNING email_hash, expires_at',
        [nonceHash],
      );
      return row && Number(row.expires_at) > now ? row.email_hash : null;
    },
    async createSession(tokenHash, accountId, expiresAt, device) {
      const { id, name, createdAt } = sessionDevice(expiresAt, device);
      await pool.query(
        `INSERT INTO sessions (token_hash, account_id, expires_at, id, device_name, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [tokenHash, accountId, expiresAt, id, name, createdAt],
      );
    },
    async findSession(tokenHash, now) {
      const row = await one<FoundSessionRow>(
        `SELECT account_id, expires_at, id, device_name, last_seen_at FROM sessions
         WHERE token_hash = $1 AND expires_at > $2 AND ended_reason IS NULL`,
        [tokenHash, now],
      );
      return row ? foundSession(row) : null;
    },
    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async endOtherSessions(accountId, keepTokenHash, reason) {
      await pool.query(
        `UPDATE sessions SET ended_reason = $3
         WHERE account_id = $1 AND token_hash <> $2 AND ended_reason IS NULL`,
        [accountId, keepTokenHash, reason],
      );
    },
    async sessionEndReason(tokenHash, now) {
      const row = await one<{ ended_reason: SessionEndReason | null }>(
        'SELECT ended_reason FROM sessions WHERE token_hash = $1 AND expires_at > $2',
        [tokenHash, now],
      );
      return row?.ended_reason ?? null;
    },
    async purgeExpired(now) {
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
      await pool.query('DELETE FROM challenges WHERE expires_at <= $1', [now]);
    },
    async pull(accountId, afterSeq, limit, kind) {
      const { rows } =
        kind === undefined
          ? await pool.query<DocumentRow & { seq: string }>(
              `SELECT seq, ${DOCUMENT_COLUMNS} FROM documents WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
              [accountId, afterSeq, limit],
            )
          : await pool.query<DocumentRow & { seq: string }>(
              `SELECT seq, ${DOCUMENT_COLUMNS} FROM documents
               WHERE account_id = $1 AND kind = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
              [accountId, kind, afterSeq, limit],
            );
      const last = rows.at(-1);
      return { documents: rows.map(toEnvelope), checkpoint: last ? Number(last.seq) : afterSeq };
    },
    async push(accountId, rows, now, quotaBytes) {
      return inTransaction(pool, (client) => pushInTransaction(client, accountId, rows, now, quotaBytes));
    },
    async registerEmergencyToken(accountId, tokenHash, now) {
      const result = await pool.query(
        `INSERT INTO emergency_tokens (token_hash, account_id, created_at)
         SELECT $1, id, $2 FROM accounts WHERE id = $3 ON CONFLICT (token_hash) DO NOTHING`,
        [tokenHash, now, accountId],
      );
      if (result.rowCount === 1) return 'registered';
      // Nothing inserted: the account is gone, or the hash is held (by this account or another).
      const holder = await one<{ account_id: string }>(
        'SELECT account_id FROM emergency_tokens WHERE token_hash = $1',
        [tokenHash],
      );
      if (holder?.account_id === accountId) return 'registered';
      if ((await one('SELECT 1 FROM accounts WHERE id = $1', [accountId])) === undefined) return 'no-account';
      return holder ? 'taken' : 'registered';
    },
    async recordEmergencyOpening(tokenHash, now, keep) {
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ account_id: string }>(
          `INSERT INTO emergency_openings (account_id, token_hash, opened_at)
           SELECT account_id, token_hash, $1 FROM emergency_tokens WHERE token_hash = $2 RETURNING account_id`,
          [now, tokenHash],
        );
        const accountId = rows[0]?.account_id;
        if (accountId === undefined) return false;
        await client.query(
          `DELETE FROM emergency_openings WHERE account_id = $1
           AND id NOT IN (SELECT id FROM emergency_openings WHERE account_id = $1
                          ORDER BY opened_at DESC, id DESC LIMIT $2)`,
          [accountId, keep],
        );
        return true;
      });
    },
    async deleteEmergencyToken(accountId, tokenHash) {
      const result = await pool.query(
        'DELETE FROM emergency_tokens WHERE token_hash = $1 AND account_id = $2',
        [tokenHash, accountId],
      );
      return result.rowCount === 1;
    },
    async listEmergencyOpenings(accountId, limit) {
      const { rows } = await pool.query<{ opened_at: string; token_hash: string }>(
        `SELECT opened_at, token_hash FROM emergency_openings WHERE account_id = $1
         ORDER BY opened_at DESC, id DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows.map((row) => ({ openedAt: Number(row.opened_at), tokenHash: row.token_hash }));
    },
    subscribe(accountId, listener) {
      return fanout.subscribe(accountId, listener);
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
