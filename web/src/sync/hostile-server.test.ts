/**
 * The hostile-server suite (issue 12, finding 2): two devices replicate through the real server
 * (createApp on SQLite, listening on 127.0.0.1) while a man in the middle (testing/man-in-the-middle.ts)
 * rewrites what the server answers. It replays an old envelope, flips `_deleted` both ways, moves an
 * envelope to another record or profile, relabels a rev, and serves a writer its own acknowledged
 * write's predecessor. Each time the device keeps the newest genuine version and lists the change as
 * refused in its sync status; nothing is applied silently.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { type ProfileEntry, ProfileService } from '../records/profile-service.ts';
import { RecordService } from '../records/record-service.ts';
import { createServer } from '../server/server.ts';
import { type SyncHandle, startReplication } from './replication.ts';
import type { RefusalReason } from './sync-history.ts';
import type { SyncStatus } from './sync-status.ts';
import { type ManInTheMiddle, manInTheMiddle, serving } from './testing/man-in-the-middle.ts';
import { type Device, waitFor } from './testing/synced-database.ts';
import { twoDevices } from './testing/two-devices.ts';

const PASSPHRASE = 'cornichon-velours-azimut-19';
const me = {
  schemaVersion: 1,
  relationship: 'self',
  dateOfBirth: '1984-03-12',
  sex: 'female',
  locale: 'fr',
} as const;
const mild = { ...EXAMPLE_RECORDS.allergy, severity: 'mild' };
const severe = { ...EXAMPLE_RECORDS.allergy, severity: 'severe' };

interface Peer {
  readonly device: Device;
  readonly token: string;
  readonly mitm: ManInTheMiddle;
  handle: SyncHandle | null;
  status: SyncStatus | null;
}

let t: TestApp;
let server: RunningServer;
let a: Peer;
let b: Peer;
let camille: ProfileEntry;
let leo: ProfileEntry;
/** Versions the server held at some point, keyed `id@rev`. */
const history = new Map<string, Envelope>();

function start(peer: Peer): void {
  peer.handle = startReplication({
    db: peer.device.db,
    api: createServer({ baseUrl: server.baseUrl, token: peer.token, fetch: peer.mitm.fetch }).replication,
    identifier: 'hostile',
    waitForLeadership: false,
    retryTime: 200,
    stream$: null,
    getKeys: peer.device.getKeys,
    onStatus: (status) => {
      peer.status = status;
    },
  });
}

/** Runs a pull (and push) round on `peer`, then records every version the server holds. */
async function sync(peer: Peer): Promise<void> {
  const altered = peer.mitm.altered;
  peer.handle?.reSync();
  // With a man in the middle at work, the round counts only once it went through him.
  if (peer.mitm.alter) await waitFor('an altered pull', async () => peer.mitm.altered > altered);
  await peer.handle?.awaitInSync();
  const all = await createServer({ baseUrl: server.baseUrl, token: a.token }).replication.pull(
    { seq: 0 },
    500,
  );
  for (const doc of all.documents as Envelope[]) history.set(`${doc.id}@${doc.rev}`, doc);
}

function version(id: string, rev: number): Envelope {
  const doc = history.get(`${id}@${rev}`);
  if (!doc) throw new Error(`the server never held ${id}@${rev}`);
  return doc;
}

async function refusal(peer: Peer, id: string, reason: RefusalReason): Promise<void> {
  await waitFor(`${id} refused (${reason})`, async () =>
    Boolean(peer.status?.refused?.some((r) => r.id === id && r.reason === reason)),
  );
}

async function shown(peer: Peer, id: string) {
  const session = peer.device.session;
  if (!session) throw new Error('locked');
  const profiles = await new ProfileService(peer.device.db, session).list();
  return (await new RecordService(peer.device.db).list(profiles)).find((r) => r.id === id) ?? null;
}

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
  const [signedA, signedB] = await twoDevices(server.baseUrl, 'hostile', PASSPHRASE);
  a = { ...signedA, mitm: manInTheMiddle(), handle: null, status: null };
  b = { ...signedB, mitm: manInTheMiddle(), handle: null, status: null };
  const deviceA = a.device;
  if (!deviceA.session) throw new Error('locked');

  const profiles = new ProfileService(deviceA.db, deviceA.session);
  camille = await profiles.create({ ...me, displayName: 'Camille' });
  leo = await profiles.create({ ...me, displayName: 'Léo', relationship: 'child' });
  const records = new RecordService(deviceA.db);
  await records.add(camille, mild, 'allergy');
  await records.add(camille, EXAMPLE_RECORDS.note, 'note');
  await records.add(leo, EXAMPLE_RECORDS.note, 'gone');
  start(a);
  await sync(a);
  // A new severe allergy: rev 2, which B sees.
  await records.update(camille, 'allergy', severe);
  await records.remove('gone', [leo]);
  await sync(a);
  start(b);
  await sync(b);
  expect((await shown(b, 'allergy'))?.record).toMatchObject({ severity: 'severe' });
  expect(await shown(b, 'gone')).toBeNull();
}, 120_000);

afterAll(async () => {
  for (const peer of [a, b]) await peer?.handle?.stop();
  await a?.device.db.remove();
  await b?.device.db.remove();
  await server?.close();
  await t?.close();
});

describe('a hostile server against the pull guard', () => {
  it('refuses a replayed older envelope: the severe allergy stays', async () => {
    b.mitm.alter = serving(version('allergy', 1));
    await sync(b);
    await refusal(b, 'allergy', 'rolled-back');
    expect((await shown(b, 'allergy'))?.record).toMatchObject({ severity: 'severe' });
    b.mitm.alter = null;
  });

  it('still refuses it after the replication (and its memory) is restarted', async () => {
    await b.handle?.stop();
    start(b);
    b.mitm.alter = serving(version('allergy', 1));
    await sync(b);
    await refusal(b, 'allergy', 'rolled-back');
    expect((await shown(b, 'allergy'))?.rev).toBe(2);
    b.mitm.alter = null;
  });

  it('refuses a genuine envelope flipped to deleted, at its rev or the next', async () => {
    const genuine = version('allergy', 2);
    for (const forged of [
      { ...genuine, _deleted: true },
      { ...genuine, _deleted: true, rev: 3 },
    ]) {
      b.mitm.alter = serving(forged);
      await sync(b);
      await refusal(b, 'allergy', 'tampered');
      expect((await shown(b, 'allergy'))?.record).toMatchObject({ severity: 'severe' });
    }
    // The same flip dressed as a tombstone of envelope version 1 cannot be authenticated: kept, listed.
    b.mitm.alter = serving({ ...genuine, _deleted: true, rev: 3, schemaVersion: 1 });
    await sync(b);
    await refusal(b, 'allergy', 'unverified-deletion');
    expect((await shown(b, 'allergy'))?.record).toMatchObject({ severity: 'severe' });
    b.mitm.alter = null;
  });

  it('accepts a version-1 deletion only for a document this device does not hold', async () => {
    // Apps before envelope version 2 wrote such tombstones; one for a document B never had hides
    // nothing B shows, so it is stored (as deleted) without a refusal.
    const before = b.status?.refused?.length ?? 0;
    const legacy = { ...version('allergy', 2), id: 'never-here', rev: 2, schemaVersion: 1, _deleted: true };
    b.mitm.alter = serving(legacy);
    await sync(b);
    b.mitm.alter = null;
    await sync(b);
    expect(b.status?.refused?.length ?? 0).toBe(before);
    expect(b.status?.refused?.some((r) => r.id === 'never-here')).toBe(false);
    expect(await b.device.db.records.findOne('never-here').exec()).toBeNull();
  });

  it('refuses a tombstone flipped back to live: the deleted record stays deleted', async () => {
    const tombstone = version('gone', 2);
    expect(tombstone._deleted).toBe(true);
    b.mitm.alter = serving({ ...tombstone, _deleted: false });
    await sync(b);
    await refusal(b, 'gone', 'tampered');
    expect(await b.device.db.records.findOne('gone').exec()).toBeNull();
    b.mitm.alter = null;
  });

  it('refuses an envelope moved to another record or profile, or relabelled with another rev', async () => {
    const allergy = version('allergy', 2);
    const before = (await b.device.db.records.findOne('note').exec())?.toJSON();
    b.mitm.alter = serving({ ...allergy, id: 'note', rev: 5 });
    await sync(b);
    await refusal(b, 'note', 'tampered');
    expect((await b.device.db.records.findOne('note').exec())?.toJSON()).toEqual(before);

    b.mitm.alter = serving({ ...allergy, profileId: leo.id, rev: 6 });
    await sync(b);
    await waitFor('the move refused', async () =>
      Boolean(b.status?.refused?.some((r) => r.id === 'allergy' && r.rev === 6 && r.reason === 'tampered')),
    );
    b.mitm.alter = serving({ ...allergy, rev: 7 });
    await sync(b);
    await waitFor('the relabel refused', async () =>
      Boolean(b.status?.refused?.some((r) => r.id === 'allergy' && r.rev === 7 && r.reason === 'tampered')),
    );
    const kept = await shown(b, 'allergy');
    expect(kept?.profileId).toBe(camille.id);
    expect(kept?.rev).toBe(2);
    expect(kept?.record).toMatchObject({ severity: 'severe' });
    b.mitm.alter = null;
  });

  it('refuses to give a writer back the predecessor of a write the server acknowledged (a dropped write)', async () => {
    await new RecordService(a.device.db).update(camille, 'note', { ...EXAMPLE_RECORDS.note, title: 'Toux' });
    await sync(a);
    a.mitm.alter = serving(version('note', 1));
    await sync(a);
    await refusal(a, 'note', 'rolled-back');
    expect((await shown(a, 'note'))?.record).toMatchObject({ title: 'Toux' });
    a.mitm.alter = null;
  });

  it('still takes genuine changes once the tampering stops', async () => {
    await new RecordService(a.device.db).update(camille, 'allergy', { ...severe, note: 'anaphylaxie' });
    await sync(a);
    await sync(b);
    await waitFor('the genuine rev 3', async () => (await shown(b, 'allergy'))?.rev === 3);
    expect((await shown(b, 'allergy'))?.record).toMatchObject({ note: 'anaphylaxie' });
  });
});
