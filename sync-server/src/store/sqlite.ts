/**
 * SQLite store (the default): one file under DATA_DIR, WAL so readers never wait for the writer.
 * better-sqlite3 is synchronous, so each method runs to completion without interleaving; a push is
 * one `BEGIN IMMEDIATE` transaction, which takes the write lock up front: reading the server copies,
 * numbering the writes and committing happen under one lock, as the sequence invariant requires.
 *
 * `synchronous = FULL` makes every acknowledged push survive a power cut, not only a killed
 * process; `secure_delete` overwrites the pages of deleted rows, so a wiped account leaves no
 * ciphertext behind in free pages.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { type AccountRow, toAccount } from './account-row.ts';
import { ChangeFanout } from './change-fanout.ts';
import { DEVICE_SQL, type FoundSessionRow, foundSession, sessionDevice } from './device-store.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, toEnvelope } from './document-row.ts';
import { AccountGoneError } from './errors.ts';
import { MESSAGE_SQL } from './message-store.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';
import { checkProfileLimit, checkQuota, planPush, storageDelta } from './push-rules.ts';
import { sqliteAppointmentStore } from './sqlite-appointments.ts';
import { sqliteDeviceStore } from './sqlite-devices.ts';
import { sqliteMessageStore } from './sqlite-messages.ts';
import { sqliteOpinionStore } from './sqlite-opinions.ts';
import { sqlitePushSubscriptionStore } from './sqlite-push-subscriptions.ts';
import { sqliteShareStore } from './sqlite-shares.ts';
import type {
  AccountListener,
  EmergencyTokenOutcome,
  PullPage,
  PushOutcome,
  SessionEndReason,
  SessionRecord,
  Store,
} from './store.ts';

export const SQLITE_FILE_NAME = 'carnet.sqlite';

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const applied = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as {
    v: number;
  };
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version > applied.v)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}

/** `seq` then DOCUMENT_COLUMNS, in that order, as a raw statement returns them. */
type PulledRow = [
  seq: number,
  id: string,
  profileId: string,
  kind: string,
  rev: number,
  updatedAt: number,
  deleted: number,
  keyId: string,
  schemaVersion: number,
  nonce: string,
  ciphertext: string,
  author: string | null,
  sig: string | null,
];

/**
 * A pulled row as an envelope, the same as toEnvelope gives. Pull pages are the hot path under load
 * (bench/pull-profile.ts: reading rows was the largest share of a loaded pull's CPU): arrays instead
 * of objects keyed by column, and one object literal of a fixed shape per envelope, take about half
 * the time of reading objects and spreading the optional fields.
 */
function pulledEnvelope(row: PulledRow): Envelope {
  const [, id, profileId, kind, rev, updatedAt, deleted, keyId, schemaVersion, nonce, ciphertext] = row;
  const envelope: Envelope = {
    id,
    profileId,
    kind: kind as Envelope['kind'],
    rev,
    updatedAt,
    _deleted: deleted !== 0,
    keyId,
    schemaVersion,
    nonce,
    ciphertext,
  };
  if (row[11] !== null) envelope.author = row[11];
  if (row[12] !== null) envelope.sig = row[12];
  return envelope;
}

export function openSqliteStore(file: string): Store {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const fanout = new ChangeFanout();
  const q = {
    insertAccount: db.prepare(`INSERT INTO accounts (id, email_hash, keyring, auth_public_key, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (email_hash) DO NOTHING`),
    accountByEmail: db.prepare('SELECT * FROM accounts WHERE email_hash = ?'),
    accountById: db.prepare('SELECT * FROM accounts WHERE id = ?'),
    updateKeyring: db.prepare('UPDATE accounts SET keyring = ?, auth_public_key = ? WHERE id = ?'),
    setTerms: db.prepare('UPDATE accounts SET terms = ? WHERE id = ?'),
    deleteDocuments: db.prepare('DELETE FROM documents WHERE account_id = ?'),
    deleteSessions: db.prepare('DELETE FROM sessions WHERE account_id = ?'),
    deleteAccessEvents: db.prepare(DEVICE_SQL.deleteEvents),
    deleteChallenges: db.prepare('DELETE FROM challenges WHERE email_hash = ?'),
    deleteAccount: db.prepare('DELETE FROM accounts WHERE id = ?'),
    putChallenge: db.prepare('INSERT INTO challenges (nonce_hash, email_hash, expires_at) VALUES (?, ?, ?)'),
    takeChallenge: db.prepare('DELETE FROM challenges WHERE nonce_hash = ? RETURNING email_hash, expires_at'),
    putSession: db.prepare(`INSERT INTO sessions
      (token_hash, account_id, expires_at, id, device_name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    session: db.prepare(`SELECT account_id, expires_at, id, device_name, last_seen_at FROM sessions
      WHERE token_hash = ? AND expires_at > ? AND ended_reason IS NULL`),
    sessionEndReason: db.prepare('SELECT ended_reason FROM sessions WHERE token_hash = ? AND expires_at > ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    endOtherSessions: db.prepare(`UPDATE sessions SET ended_reason = ?
      WHERE account_id = ? AND token_hash <> ? AND ended_reason IS NULL`),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    purgeChallenges: db.prepare('DELETE FROM challenges WHERE expires_at <= ?'),
    // Pulls read rows as arrays (`raw`): see pulledEnvelope below.
    pull: db
      .prepare(`SELECT seq, ${DOCUMENT_COLUMNS} FROM documents
      WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
      .raw(true),
    pullKind: db
      .prepare(`SELECT seq, ${DOCUMENT_COLUMNS} FROM documents
      WHERE account_id = ? AND kind = ? AND seq > ? ORDER BY seq LIMIT ?`)
      .raw(true),
    master: db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE account_id = ? AND id = ?`),
    liveProfiles: db.prepare(
      "SELECT COUNT(*) AS n FROM documents WHERE account_id = ? AND kind = 'profile' AND deleted = 0",
    ),
    upsert: db.prepare(`INSERT INTO documents (account_id, seq, ${DOCUMENT_COLUMNS})
      VALUES (@accountId, @seq, @id, @profileId, @kind, @rev, @updatedAt, @deleted, @keyId, @schemaVersion,
              @nonce, @ciphertext, @author, @sig)
      ON CONFLICT (account_id, id) DO UPDATE SET seq = excluded.seq, profile_id = excluded.profile_id,
        kind = excluded.kind, rev = excluded.rev, updated_at = excluded.updated_at, deleted = excluded.deleted,
        key_id = excluded.key_id, schema_version = excluded.schema_version, nonce = excluded.nonce,
        ciphertext = excluded.ciphertext, author = excluded.author, sig = excluded.sig`),
    setSeq: db.prepare('UPDATE accounts SET seq = ?, stored_bytes = stored_bytes + ? WHERE id = ?'),
    deleteEmergencyTokens: db.prepare('DELETE FROM emergency_tokens WHERE account_id = ?'),
    deleteEmergencyOpenings: db.prepare('DELETE FROM emergency_openings WHERE account_id = ?'),
    putEmergencyToken: db.prepare(`INSERT INTO emergency_tokens (token_hash, account_id, created_at)
      SELECT ?, id, ? FROM accounts WHERE id = ? ON CONFLICT (token_hash) DO NOTHING`),
    putEmergencyOpening: db.prepare(`INSERT INTO emergency_openings (account_id, token_hash, opened_at)
      SELECT account_id, token_hash, ? FROM emergency_tokens WHERE token_hash = ?`),
    pruneEmergencyOpenings: db.prepare(`DELETE FROM emergency_openings WHERE account_id = @accountId
      AND id NOT IN (SELECT id FROM emergency_openings WHERE account_id = @accountId
                     ORDER BY opened_at DESC, id DESC LIMIT @keep)`),
    deleteEmergencyToken: db.prepare('DELETE FROM emergency_tokens WHERE token_hash = ? AND account_id = ?'),
    emergencyTokenAccount: db.prepare('SELECT account_id FROM emergency_tokens WHERE token_hash = ?'),
    emergencyOpenings: db.prepare(
      `SELECT opened_at, token_hash FROM emergency_openings WHERE account_id = ?
       ORDER BY opened_at DESC, id DESC LIMIT ?`,
    ),
  };

  const recordOpeningTx = db.transaction((tokenHash: string, now: number, keep: number): boolean => {
    const row = q.emergencyTokenAccount.get(tokenHash) as { account_id: string } | undefined;
    if (!row) return false;
    q.putEmergencyOpening.run(now, tokenHash);
    q.pruneEmergencyOpenings.run({ accountId: row.account_id, keep });
    return true;
  });

  const registerTokenTx = db.transaction(
    (accountId: string, tokenHash: string, now: number): EmergencyTokenOutcome => {
      if (q.accountById.get(accountId) === undefined) return 'no-account';
      q.putEmergencyToken.run(tokenHash, now, accountId);
      const holder = q.emergencyTokenAccount.get(tokenHash) as { account_id: string } | undefined;
      return holder?.account_id === accountId ? 'registered' : 'taken';
    },
  );

  const deleteTx = db.transaction((accountId: string): boolean => {
    const account = q.accountById.get(accountId) as AccountRow | undefined;
    if (!account) return false;
    q.deleteDocuments.run(accountId);
    q.deleteEmergencyOpenings.run(accountId);
    q.deleteEmergencyTokens.run(accountId);
    q.deleteSessions.run(accountId);
    q.deleteAccessEvents.run(accountId);
    q.deleteChallenges.run(account.email_hash);
    q.deleteAccount.run(accountId);
    db.prepare(MESSAGE_SQL.deleteOrphanThreads).run();
    return true;
  });

  const pushTx = db.transaction(
    (accountId: string, rows: readonly PushRow[], now: number, quotaBytes?: number): PushOutcome => {
      const account = q.accountById.get(accountId) as AccountRow | undefined;
      if (!account) throw new AccountGoneError();
      const masters = new Map<string, Envelope>();
      for (const row of rows) {
        const found = q.master.get(accountId, row.newDocumentState.id) as DocumentRow | undefined;
        if (found) masters.set(found.id, toEnvelope(found));
      }
      const plan = planPush(masters, rows, now);
      if (plan.profileDelta > 0) {
        checkProfileLimit((q.liveProfiles.get(accountId) as { n: number }).n, plan.profileDelta);
      }
      const delta = storageDelta(masters, plan.writes);
      checkQuota(Number(account.stored_bytes), delta, quotaBytes);
      let seq = Number(account.seq);
      for (const doc of plan.writes) {
        seq += 1;
        q.upsert.run({
          ...doc,
          accountId,
          seq,
          deleted: doc._deleted ? 1 : 0,
          author: doc.author ?? null,
          sig: doc.sig ?? null,
        });
      }
      if (plan.writes.length > 0) q.setSeq.run(seq, delta, accountId);
      return { conflicts: plan.conflicts, written: plan.writes.length, seq };
    },
  );

  return {
    kind: 'sqlite',
    ...sqliteShareStore(db),
    ...sqliteDeviceStore(db),
    ...sqlitePushSubscriptionStore(db),
    ...sqliteMessageStore(db, fanout),
    ...sqliteAppointmentStore(db),
    ...sqliteOpinionStore(db),
    async createAccount(a) {
      return (
        q.insertAccount.run(a.id, a.emailHash, a.keyringJson, a.authPublicKey, a.createdAt).changes === 1
      );
    },
    async findAccountByEmailHash(emailHash) {
      return toAccount(q.accountByEmail.get(emailHash) as AccountRow | undefined);
    },
    async getAccount(accountId) {
      return toAccount(q.accountById.get(accountId) as AccountRow | undefined);
    },
    async updateKeyring(accountId, keyringJson, authPublicKey) {
      return q.updateKeyring.run(keyringJson, authPublicKey, accountId).changes === 1;
    },
    async setTerms(accountId, termsJson) {
      return q.setTerms.run(termsJson, accountId).changes === 1;
    },
    async deleteAccount(accountId) {
      const deleted = deleteTx.immediate(accountId);
      if (deleted) fanout.publish(accountId, { type: 'deleted' });
      return deleted;
    },
    async putChallenge(nonceHash, emailHash, expiresAt) {
      q.putChallenge.run(nonceHash, emailHash, expiresAt);
    },
    async takeChallenge(nonceHash, now) {
      const row = q.takeChallenge.get(nonceHash) as { email_hash: string; expires_at: number } | undefined;
      return row && row.expires_at > now ? row.email_hash : null;
    },
    async createSession(tokenHash, accountId, expiresAt, device) {
      const { id, name, createdAt } = sessionDevice(expiresAt, device);
      q.putSession.run(tokenHash, accountId, expiresAt, id, name, createdAt, createdAt);
    },
    async findSession(tokenHash, now): Promise<SessionRecord | null> {
      const row = q.session.get(tokenHash, now) as FoundSessionRow | undefined;
      return row ? foundSession(row) : null;
    },
    async deleteSession(tokenHash) {
      q.deleteSession.run(tokenHash);
    },
    async endOtherSessions(accountId, keepTokenHash, reason) {
      q.endOtherSessions.run(reason, accountId, keepTokenHash);
    },
    async sessionEndReason(tokenHash, now) {
      const row = q.sessionEndReason.get(tokenHash, now) as
        | { ended_reason: SessionEndReason | null }
        | undefined;
      return row?.ended_reason ?? null;
    },
    async purgeExpired(now) {
      q.purgeSessions.run(now);
      q.purgeChallenges.run(now);
    },
    async pull(accountId, afterSeq, limit, kind): Promise<PullPage> {
      const rows = (
        kind === undefined
          ? q.pull.all(accountId, afterSeq, limit)
          : q.pullKind.all(accountId, kind, afterSeq, limit)
      ) as PulledRow[];
      return { documents: rows.map(pulledEnvelope), checkpoint: rows.at(-1)?.[0] ?? afterSeq };
    },
    async push(accountId, rows, now, quotaBytes) {
      const outcome = pushTx.immediate(accountId, rows, now, quotaBytes);
      if (outcome.written > 0) fanout.publish(accountId, { type: 'change', seq: outcome.seq });
      return outcome;
    },
    async registerEmergencyToken(accountId, tokenHash, now) {
      return registerTokenTx(accountId, tokenHash, now);
    },
    async recordEmergencyOpening(tokenHash, now, keep) {
      return recordOpeningTx(tokenHash, now, keep);
    },
    async deleteEmergencyToken(accountId, tokenHash) {
      return q.deleteEmergencyToken.run(tokenHash, accountId).changes === 1;
    },
    async listEmergencyOpenings(accountId, limit) {
      const rows = q.emergencyOpenings.all(accountId, limit) as { opened_at: number; token_hash: string }[];
      return rows.map((row) => ({ openedAt: Number(row.opened_at), tokenHash: row.token_hash }));
    },
    subscribe(accountId: string, listener: AccountListener) {
      return fanout.subscribe(accountId, listener);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
