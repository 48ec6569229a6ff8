/**
 * The share agent end to end in Node: the patient's app store (fake-indexeddb) with sync on against
 * the real server on 127.0.0.1, and a practitioner account posting entries over HTTP. Entries
 * written just before a revocation are still imported; an entry that fails its checks stays on the
 * server and is reported, never silently dropped.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { unwrapIdentity } from '../../../shared/crypto/identity.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { generateShareKey, shareAccessToken, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';
import { jsonInit, register, serverFetcher, testVault } from '../../../sync-server/src/testing/api-client.ts';
import { listen, type RunningServer } from '../../../sync-server/src/testing/http-server.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { createServer } from '../server/server.ts';
import type { AppStore } from '../store/app-store.ts';
import { patientBoxKey, sharingOf } from '../testing/sharing.ts';
import { openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import { buildPayload } from './entry-payload.ts';
import type { Sharing } from './sharing.ts';

const DOCTOR = { name: 'Dr Alice Martin', profession: 'General practitioner' };
let t: TestApp;
let server: RunningServer;
let dispose: (() => void) | undefined;

beforeAll(async () => {
  await initCrypto();
  t = await createTestApp();
  server = await listen(t.app);
});

afterAll(async () => {
  dispose?.();
  await server?.close();
  await t?.close();
});

async function patient(): Promise<{
  store: AppStore;
  profileId: string;
  boxPk: Uint8Array;
  db: CarnetDatabase;
}> {
  const opened = await openUnlockedApp({
    name: 'share-agent',
    serverUrl: server.baseUrl,
    passphrase: 'lantern-meadow-copper-7731',
  });
  dispose = opened.dispose;
  const { store } = opened;
  await store.addRecord(EXAMPLE_RECORDS.allergy);
  await store.turnOnSync(`camille-${Date.now()}@example.org`, 'lantern-meadow-copper-7731');
  await until(() => store.server() !== null);
  return { store, profileId: opened.profileId, boxPk: await patientBoxKey(opened.db), db: opened.db };
}

describe('share agent', () => {
  it('imports entries written before a revocation and keeps a refused one on the server', async () => {
    const { store, profileId, boxPk, db } = await patient();
    // The service's internals, as the store made them on unlock (the agent's own view of them).
    const createShare = (app: AppStore, options: Parameters<Sharing['createShare']>[0]) =>
      sharingOf(app).createShare(options, Date.now());
    const refusalsOf = (id: string) => sharingOf(store).refusalsOf(id);
    const runShareAgent = (app: AppStore, now: number) => sharingOf(app).runAgent(now);
    const loadSecrets = (app: AppStore) => sharingOf(app).secrets();
    // As on another device of the patient: no share secret here (only an empty state is ever written).
    const saveSecrets = async (_app: AppStore, _none: []) => {
      await db.syncstate.findOne('shares').remove();
    };
    const fetcher = serverFetcher(server.baseUrl);
    const doctor = testVault(`doctor-${Date.now()}@example.org`);
    const doctorToken = await register(fetcher, doctor);
    expect((await fetcher('/api/practitioners/me', jsonInit('PUT', DOCTOR, doctorToken))).status).toBe(200);
    const identity = unwrapIdentity(doctor.keyring.identity, doctor.vaultKey);
    const secret = await createShare(store, {
      profileId,
      sections: ['allergy'],
      mode: 'read-add',
      expiry: '1h',
      passcode: '',
      typedCode: false,
    });
    const shareKey = fromBase64(secret.key);
    const patientBoxPk = boxPk;

    const post = async (id: string, tagKey: Uint8Array) => {
      const entry: PractitionerEntry = {
        kind: 'practitioner-entry',
        schemaVersion: 1,
        entryType: 'note',
        title: `Note ${id}`,
        practitioner: { ...DOCTOR, idSelfDeclared: true },
        createdAt: '2026-11-23T10:00:00.000Z',
        body: 'Reviewed the allergy.',
      };
      const payload = buildPayload({
        id,
        shareId: secret.id,
        profileId,
        author: DOCTOR,
        signPk: toBase64(identity.sign.publicKey),
        tag: shareEntryTag(tagKey, secret.id, id, profileId),
        entry,
      });
      const sealed = sealEntry(
        signEntry(payload, identity.sign.secretKey, identity.sign.publicKey),
        patientBoxPk,
      );
      const body = { accessToken: shareAccessToken(shareKey), sealed };
      const res = await fetcher(`/api/shares/${secret.id}/entries`, jsonInit('POST', body, doctorToken));
      expect(res.status).toBe(201);
    };
    await post('entry-good-0123456789', shareKey);
    // Well signed by the practitioner, but its tag was not made with this share's key.
    await post('entry-forged-012345678', generateShareKey());

    const token = store.server()?.token ?? '';
    const shares = createServer({ baseUrl: server.baseUrl, token }).shares;
    await shares.revoke(secret.id);
    expect(await runShareAgent(store, Date.now())).toBe(1);
    await until(() => store.records().some((r) => r.id === 'entry-good-0123456789'));
    expect(store.records().some((r) => r.id === 'entry-forged-012345678')).toBe(false);
    expect(refusalsOf(secret.id)).toEqual([DOCTOR.name]);
    const left = await shares.pendingEntries(secret.id);
    expect(left.entries.map((e) => e.author.name)).toEqual([DOCTOR.name]);
    // Not drained while an entry is refused: the patient keeps seeing it.
    expect((await loadSecrets(store)).find((s) => s.id === secret.id)?.drained).toBeUndefined();
    // Every entry in, share ended: drained, asked no more.
    await fetcher(
      `/api/shares/${secret.id}/entries/${left.entries[0]?.id}`,
      jsonInit('DELETE', undefined, token),
    );
    await runShareAgent(store, Date.now());
    expect(refusalsOf(secret.id)).toEqual([]);
    expect((await loadSecrets(store)).find((s) => s.id === secret.id)?.drained).toBe(true);

    // Another device of the patient (same vault key) holds no share secret: it takes an active
    // share over from the server's vault-key-sealed copy, with the same key and passcode.
    const other = await createShare(store, {
      profileId,
      sections: ['allergy'],
      mode: 'read',
      expiry: '24h',
      passcode: '2468',
      typedCode: false,
    });
    const listed = await shares.listShares();
    const copy = listed.shares.find((s) => s.id === other.id)?.ownerSecret;
    expect(copy?.ciphertext).toBeDefined();
    expect(JSON.stringify(copy)).not.toContain(other.key);
    await saveSecrets(store, []);
    await runShareAgent(store, Date.now());
    const taken = (await loadSecrets(store)).find((s) => s.id === other.id);
    expect(taken).toMatchObject({
      key: other.key,
      passcode: '2468',
      mode: 'read',
      expiresAt: other.expiresAt,
    });
    // The revoked read + add share is taken over too (entries may still wait), and drained at once.
    expect((await loadSecrets(store)).find((s) => s.id === secret.id)?.drained).toBe(true);
  });
});
