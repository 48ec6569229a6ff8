/**
 * Two devices (two RxDB databases on fake-indexeddb) and the real sync server (createApp on a
 * SQLite store in a temporary folder, listening on 127.0.0.1), replicating through the library as
 * the app will: turn on sync on A, sign in on B, live stream, offline edits, conflicts, tombstones.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { type ProfileEntry, ProfileService } from '../records/profile-service.ts';
import { RecordService } from '../records/record-service.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { createServer } from '../server/server.ts';
import type { FetchLike } from '../server/transport.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { VaultService } from '../vault/vault-service.ts';
import { conflictCopyRoot, isConflictCopy } from './conflict-copy.ts';
import { type SyncHandle, startReplication } from './replication.ts';
import type { InvalidDocumentReport } from './replication-handlers.ts';
import { signInOnThisDevice, turnOnSync } from './sync-credentials.ts';
import type { SyncStatus } from './sync-status.ts';
import { type Device, openDevice, waitFor } from './testing/synced-database.ts';

const PASSPHRASE = 'cornichon-velours-azimut-19';
const EMAIL = 'camille@example.org';
const MARK = 'PLAINMARK';

let t: TestApp;
let server: RunningServer;
let a: Device;
let b: Device;
let tokenA: string;
let tokenB: string;
let profileA: ProfileEntry;
const running = new Map<Device, SyncHandle>();

function api(token: string, fetchImpl?: FetchLike): ReplicationApi {
  return createServer({ baseUrl: server.baseUrl, token, ...(fetchImpl ? { fetch: fetchImpl } : {}) })
    .replication;
}

function start(device: Device, token: string, extra: Partial<Parameters<typeof startReplication>[0]> = {}) {
  const handle = startReplication({
    db: device.db,
    api: api(token),
    identifier: 'test',
    waitForLeadership: false,
    retryTime: 200,
    getKeys: device.getKeys,
    ...extra,
  });
  running.set(device, handle);
  return handle;
}

async function stop(device: Device): Promise<void> {
  await running.get(device)?.stop();
  running.delete(device);
}

async function record(device: Device, id: string): Promise<StoredEnvelope | null> {
  const doc = await device.db.records.findOne(id).exec();
  return doc ? (doc.toJSON() as StoredEnvelope) : null;
}

async function plain(device: Device) {
  const session = device.session;
  if (!session) throw new Error('locked');
  const profiles = await new ProfileService(device.db, session).list();
  return new RecordService(device.db).list(profiles);
}

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
  a = await openDevice(`sync-a-${Date.now()}`);
  b = await openDevice(`sync-b-${Date.now()}`);

  // Device A: a local vault, then "turn on sync" with the passphrase confirmed.
  const vaultA = new VaultService({ db: a.db, kdf: inlineKdfRunner });
  a.session = (await vaultA.create(PASSPHRASE)).session;
  const meta = await vaultA.meta();
  if (!meta) throw new Error('no vault');
  const anonymous = createServer({ baseUrl: server.baseUrl }).account;
  const credentials = await turnOnSync({
    api: anonymous,
    email: EMAIL,
    keyring: meta.keyring,
    proof: { passphrase: PASSPHRASE, kdf: inlineKdfRunner },
  });
  tokenA = credentials.token;

  // Device B: "sign in on this device"; the lead stores the keyring as B's vault.
  const signedIn = await signInOnThisDevice({
    api: anonymous,
    email: EMAIL,
    passphrase: PASSPHRASE,
    kdf: inlineKdfRunner,
  });
  await b.db.vault.insert({
    id: 'vault',
    keyring: signedIn.keyring,
    autoLockMinutes: 5,
    createdAt: new Date().toISOString(),
  });
  b.session = signedIn.session;
  tokenB = signedIn.credentials.token;
  expect(b.session.vaultKey.id).toBe(a.session.vaultKey.id);
}, 60_000);

afterAll(async () => {
  for (const device of [...running.keys()]) await stop(device);
  await a?.db.remove();
  await b?.db.remove();
  await server?.close();
  await t?.close();
});

describe('replication between two devices through the real server', () => {
  it('sends profiles and records from A to B live', async () => {
    const statuses: SyncStatus[] = [];
    start(a, tokenA);
    start(b, tokenB, { onStatus: (s) => statuses.push(s) });
    await running.get(b)?.awaitInSync();

    // Written after both are connected: B can only learn of them from the live stream.
    profileA = await new ProfileService(a.db, a.session as never).create({
      schemaVersion: 1,
      displayName: `Camille ${MARK}`,
      relationship: 'self',
      dateOfBirth: '1984-03-12',
      sex: 'female',
      locale: 'fr',
    });
    const records = new RecordService(a.db);
    await records.add(
      profileA,
      { kind: 'note', schemaVersion: 1, title: `Rhume ${MARK}`, body: 'Fièvre' },
      'note1',
    );
    await records.add(profileA, { ...EXAMPLE_RECORDS.allergy, note: `Penicillin ${MARK}` }, 'allergy1');

    await waitFor('B to receive the records', async () => (await b.db.records.count().exec()) === 2);
    const onB = await plain(b);
    expect(onB.map((r) => r.record?.kind).sort()).toEqual(['allergy', 'note']);
    expect(statuses.at(-1)?.state).toBe('synced');
  });

  it('merges disjoint offline edits of one record on both devices', async () => {
    await Promise.all([stop(a), stop(b)]);
    const note = { kind: 'note', schemaVersion: 1, title: `Rhume ${MARK}`, body: 'Fièvre' };
    await new RecordService(a.db).update(profileA, 'note1', { ...note, title: 'Grippe' });
    await new RecordService(b.db).update(profileA, 'note1', { ...note, body: 'Fièvre et toux' });

    await running.set(a, start(a, tokenA)).get(a)?.awaitInSync();
    start(b, tokenB);
    const expected = { ...note, title: 'Grippe', body: 'Fièvre et toux' };
    for (const device of [a, b]) {
      await waitFor('the merged note', async () => {
        const entry = (await plain(device)).find((r) => r.id === 'note1');
        return JSON.stringify(entry?.record) === JSON.stringify(expected);
      });
    }
    expect(b.outcomes).toContain('merged');
    expect((await record(a, 'note1'))?.rev).toBe(3);
  });

  it('lets the master win a field both changed, and keeps the other as a conflicting copy everywhere', async () => {
    await Promise.all([stop(a), stop(b)]);
    const allergy = { ...EXAMPLE_RECORDS.allergy, note: `Penicillin ${MARK}` };
    await new RecordService(a.db).update(profileA, 'allergy1', { ...allergy, severity: 'moderate' });
    await new RecordService(b.db).update(profileA, 'allergy1', { ...allergy, severity: 'mild' });

    await running.set(a, start(a, tokenA)).get(a)?.awaitInSync();
    start(b, tokenB);
    for (const device of [a, b]) {
      await waitFor('the copy on every device', async () => {
        const all = await plain(device);
        const main = all.find((r) => r.id === 'allergy1');
        const copy = all.find((r) => isConflictCopy(r.id) && conflictCopyRoot(r.id) === 'allergy1');
        return (
          main?.record?.kind === 'allergy' &&
          main.record.severity === 'moderate' &&
          copy?.record?.kind === 'allergy' &&
          copy.record.severity === 'mild'
        );
      });
    }
    expect(b.outcomes).toContain('copied');
  });

  it('propagates a deletion', async () => {
    await new RecordService(a.db).remove('note1', [profileA]);
    await waitFor('the tombstone on B', async () => (await record(b, 'note1')) === null);
    const onServer = await api(tokenA).pull({ seq: 0 }, 500);
    expect(onServer.documents).toContainEqual(
      expect.objectContaining({ id: 'note1', _deleted: true, rev: 4 }),
    );
  });

  it('skips an invalid envelope from the server without advancing the checkpoint', async () => {
    await stop(b);
    await new RecordService(a.db).add(
      profileA,
      { kind: 'note', schemaVersion: 1, title: 'Later', body: 'x' },
      'note2',
    );
    await running.get(a)?.awaitInSync();

    let corrupt = true;
    const tampering: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (!corrupt || !input.endsWith('/api/sync/pull')) return response;
      const body = (await response.json()) as { documents: Record<string, unknown>[] };
      for (const doc of body.documents) if (doc.id === 'note2') doc.title = 'HIV test';
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const reports: InvalidDocumentReport[] = [];
    const statuses: SyncStatus[] = [];
    const handle = start(b, tokenB, {
      api: api(tokenB, tampering),
      stream$: null,
      onInvalidDocument: (r) => reports.push(r),
      onStatus: (s) => statuses.push(s),
    });
    await waitFor('the report', async () => reports.length > 0);
    expect(reports[0]).toEqual({ id: 'note2', paths: ['title'] });
    expect(statuses.some((s) => s.state === 'error' && s.error === 'invalid-document')).toBe(true);
    expect(await record(b, 'note2')).toBeNull();

    // Had the checkpoint passed note2, B would never see it; once the server answers properly, it does.
    corrupt = false;
    handle.reSync();
    await waitFor('note2 on B', async () => (await record(b, 'note2')) !== null);
  });

  it('leaves no plaintext on the server', () => {
    const files = readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)).toString('latin1'));
    expect(files.length).toBeGreaterThan(0);
    for (const content of files) {
      for (const marker of [MARK, 'Penicillin', 'Grippe', 'Fièvre', 'Camille']) {
        expect(content.includes(marker), marker).toBe(false);
      }
    }
  });
});
