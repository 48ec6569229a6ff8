/**
 * docs/architecture.md §1.2, the server never sees plaintext, passphrases or keys: a vault made with the real
 * crypto (Argon2id from a marked passphrase) registers with a marked email, signs in, and syncs
 * records full of unique markers, shares them and writes marked messages and attachments in a
 * thread, and asks a second opinion with marked forms, proof, consents and report. Then every byte the server kept is scanned: the SQLite file, its
 * -wal and -shm (while running, and after shutdown), every row of every PostgreSQL table as text,
 * and everything the server logged. Not one marker may appear, nor a key in any encoding.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { createVault } from '../../../shared/crypto/keyring.ts';
import { encryptRecord } from '../../../shared/crypto/record-envelope.ts';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { generateKey } from '../../../shared/crypto/symmetric-key.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { createApp } from '../app.ts';
import { jsonLineSink } from '../http/logger.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { SQLITE_FILE_NAME } from '../store/sqlite.ts';
import { type Fetcher, jsonInit, pullAll, push, serverFetcher, signIn } from '../testing/api-client.ts';
import { create } from '../testing/envelopes.ts';
import { listen } from '../testing/http-server.ts';
import { freePort, type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { spawnServer } from '../testing/spawned-server.ts';
import { LOOSE_RATE_LIMITS } from '../testing/test-app.ts';
import { opinionMarkedRequest } from './opinion-markers.ts';
import { shareMarkedRecords } from './share-markers.ts';
import { threadMarkedMessages } from './thread-markers.ts';

const marker = (label: string) => `MRK${label}${randomBytes(6).toString('hex')}`;

/** Every encoding a secret could leak in: as text, hex, base64 and base64url of its bytes. */
function encodings(value: string | Uint8Array): string[] {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const out = [
    bytes.toString('hex'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
  return typeof value === 'string' ? [value, ...out] : out;
}

/**
 * Registers a passphrase-made vault, signs in, and syncs records full of markers. Returns what must
 * never appear, and a value the server does store (so a scan that finds nothing is seen to work).
 */
async function syncMarkedVault(fetcher: Fetcher): Promise<{ secrets: string[]; stored: string[] }> {
  const passphrase = marker('pass');
  const email = `${marker('mail').toLowerCase()}@example.org`;
  const vault = createVault(passphrase);
  const authPublicKey = authKeyPair(vault.authKey).publicKey;
  const registered = await fetcher(
    '/api/auth/register',
    jsonInit('POST', { email, keyring: vault.keyring, authPublicKey }),
  );
  expect(registered.status).toBe(201);
  await fetcher('/api/auth/prelogin', jsonInit('POST', { email }));
  const token = (
    await signIn(fetcher, {
      email,
      keyring: vault.keyring,
      authKey: vault.authKey,
      authPublicKey,
      vaultKey: vault.vaultKey,
    })
  ).token;

  const profileKey = generateKey();
  const texts = ['allergy', 'hivtest', 'note', 'profile', 'medication'].map(marker);
  const docs: Envelope[] = texts.map((text, i) => {
    const kind = i === 3 ? 'profile' : 'record';
    const binding = { id: `doc${i}`, profileId: kind === 'profile' ? '' : 'prf1', kind, rev: 1 };
    const record = { kind: text.slice(3, -12), title: text, note: `${text} again` };
    return { ...binding, kind, updatedAt: 0, _deleted: false, ...encryptRecord(binding, record, profileKey) };
  });
  expect(await push(fetcher, token, docs.map(create))).toEqual({ conflicts: [] });
  expect((await pullAll(fetcher, token)).documents).toHaveLength(docs.length);

  // A Web Push subscription: the server keeps the endpoint and the public keys, nothing of the record.
  const subscription = {
    endpoint: `https://fcm.googleapis.com/fcm/send/${marker('pushendpoint')}`,
    keys: { p256dh: `B${'p'.repeat(86)}`, auth: 'a'.repeat(22) },
  };
  expect((await fetcher('/api/push/subscription', jsonInit('PUT', subscription, token))).status).toBe(204);

  const shareSecrets = await shareMarkedRecords(fetcher, { token, vault }, encodings);
  const thread = await threadMarkedMessages(fetcher, { token, vault }, encodings);
  const opinion = await opinionMarkedRequest(fetcher, { token, vault }, encodings);
  const secrets = [
    ...shareSecrets,
    ...thread.secrets,
    ...opinion.secrets,
    passphrase,
    email,
    ...texts,
    ...encodings(vault.authKey),
    ...encodings(vault.vaultKey.bytes),
    ...encodings(profileKey.bytes),
    ...encodings(vault.identity.sign.secretKey),
    ...encodings(vault.identity.box.secretKey),
    token,
  ];
  return { secrets, stored: [docs[0]?.ciphertext.slice(0, 40) ?? '', ...thread.stored, ...opinion.stored] };
}

function expectAbsent(haystack: string, needles: readonly string[], where: string): void {
  const found = needles.filter((needle) => haystack.includes(needle));
  expect(found, `found in ${where}`).toEqual([]);
}

beforeAll(() => initCrypto());

describe('ciphertext only', () => {
  it('SQLite file, WAL, SHM and the server log hold no marker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carnet-scan-'));
    try {
      const server = await spawnServer({ port: await freePort(), dataDir: dir });
      const { secrets: markers, stored } = await syncMarkedVault(serverFetcher(server.baseUrl));
      const files = [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`].map((f) =>
        join(dir, f),
      );
      const scanFiles = () => {
        const contents = files
          .filter(existsSync)
          .map((file) => [file, readFileSync(file).toString('latin1')] as const);
        for (const value of stored)
          expect(contents.some(([, content]) => content.includes(value))).toBe(true);
        for (const [file, content] of contents) expectAbsent(content, markers, file);
      };
      expect(existsSync(files[1] as string)).toBe(true); // the WAL is there to be scanned
      scanFiles();
      expect(await server.stop('SIGTERM')).toBe(0);
      scanFiles(); // after the WAL is checkpointed into the main file
      expect(server.output()).toContain('"path":"/api/auth/login"');
      expectAbsent(server.output(), markers, 'server output');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  describe('PostgreSQL', () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgresCluster();
    }, 60_000);
    afterAll(() => cluster?.stop());

    it('no row of any table and no log line holds a marker', async () => {
      const store = await openPostgresStore(cluster.url);
      let logged = '';
      const log = jsonLineSink((line) => {
        logged += line;
      });
      const app = createApp({
        log,
        api: { store, serverKey: sodium().randombytes_buf(32), rateLimits: LOOSE_RATE_LIMITS },
      });
      const server = await listen(app);
      try {
        const { secrets: markers, stored } = await syncMarkedVault(serverFetcher(server.baseUrl));
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        try {
          const tables = await client.query<{ name: string }>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
          );
          expect(tables.rows.map((t) => t.name).sort()).toEqual(
            [
              'accounts',
              'challenges',
              'documents',
              'emergency_openings',
              'emergency_tokens',
              'schema_migrations',
              'sessions',
              'practitioners',
              'shares',
              'share_log',
              'share_entries',
              // Chunks of documents in shares and practitioners' attachments: ciphertext under a
              // key derived from the share key (shared/crypto/share-file.ts).
              'share_files',
              'share_file_chunks',
              'threads',
              'thread_participants',
              'thread_messages',
              'thread_attachments',
              'attachment_chunks',
              'message_blocks',
              'access_events',
              'push_subscriptions',
              'opinion_requests',
              'opinion_offers',
              'opinion_items',
              'appointments',
              'practitioner_availability',
              // The signaling relay between instances: empty here, scanned all the same.
              'signaling_peers',
              'signaling_messages',
              'signaling_used_tokens',
            ].sort(),
          );
          let dump = '';
          for (const { name } of tables.rows) {
            const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
            dump += rows.rows.map((r) => r.row).join('\n');
          }
          for (const value of stored) expect(dump).toContain(value); // the scan does see the stored data
          expectAbsent(dump, markers, 'PostgreSQL tables');
        } finally {
          await client.end();
        }
        expect(logged).toContain('"path":"/api/sync/push"');
        expectAbsent(logged, markers, 'server log');
      } finally {
        await server.close();
        await store.close();
      }
    }, 60_000);
  });
});
