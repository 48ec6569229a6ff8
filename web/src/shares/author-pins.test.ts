/**
 * Finding 10 of issue 12: "signature verified" must not certify itself. The server names each
 * entry's author (account, published key); the device writes that inside the encrypted record at
 * import, pins each account's first key, and shows a fingerprint of the key the patient can compare
 * with the practitioner's own screen. Real store on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity, type Identity } from '../../../shared/crypto/identity.ts';
import { sealEntry, signEntry, signKeyFingerprint } from '../../../shared/crypto/share-entry.ts';
import { generateShareKey, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { EntryVerdict } from '../records/entry-verdict.ts';
import { sealRecord } from '../records/record-service.ts';
import type { AppStore } from '../store/app-store.ts';
import { importEntry, patientBoxKey } from '../testing/sharing.ts';
import { openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import { buildPayload } from './entry-payload.ts';

beforeAll(initCrypto);

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  await db?.remove();
  db = undefined;
});

const NAME = 'Dr Martin';
const author = { name: NAME, profession: 'Médecin généraliste' };

async function patient() {
  const opened = await openUnlockedApp({ name: 'author-pins' });
  ({ db, dispose } = opened);
  const shareKey = generateShareKey();
  const share = { id: 'share-1', profileId: opened.profileId, key: toBase64(shareKey) };
  const boxPk = await patientBoxKey(opened.db);
  let n = 0;
  /** An entry signed by `signer`, which the server says comes from `accountId` (with `signer`'s key). */
  const post = async (signer: Identity, accountId: string): Promise<string> => {
    n += 1;
    const id = `entry-${n}-0123456789abcdef`;
    const entry: PractitionerEntry = {
      kind: 'practitioner-entry',
      schemaVersion: 1,
      entryType: 'note',
      title: `Note ${n}`,
      practitioner: { ...author, idSelfDeclared: true },
      createdAt: `2026-11-2${n}T10:00:00.000Z`,
      body: 'Seen today.',
    };
    const signPk = toBase64(signer.sign.publicKey);
    const payload = buildPayload({
      id,
      shareId: share.id,
      profileId: share.profileId,
      author,
      signPk,
      tag: shareEntryTag(shareKey, share.id, id, share.profileId),
      entry,
    });
    const sealed = sealEntry(signEntry(payload, signer.sign.secretKey, signer.sign.publicKey), boxPk);
    expect(
      await importEntry(opened.store, share, { sealed, author: { accountId, name: NAME, signPk } }),
    ).toBe(true);
    await until(() => opened.store.records().some((r) => r.id === id && r.verdict));
    return id;
  };
  return { store: opened.store, profileId: opened.profileId, post };
}

function verdictOf(store: AppStore, id: string): EntryVerdict | undefined {
  return store.records().find((r) => r.id === id)?.verdict;
}

const fingerprintOf = (identity: Identity) => signKeyFingerprint(toBase64(identity.sign.publicKey));

describe('practitioner authors', () => {
  it('keeps the server-named account and key fingerprint inside the record, first key pinned', async () => {
    const { store, post } = await patient();
    const alice = generateIdentity();
    const id = await post(alice, 'acct-alice');
    expect(verdictOf(store, id)).toMatchObject({
      status: 'verified',
      accountId: 'acct-alice',
      fingerprint: fingerprintOf(alice),
      keyChanged: false,
    });
    expect(fingerprintOf(alice)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const record = store.records().find((r) => r.id === id)?.record;
    expect(record?.kind === 'practitioner-entry' && record.received).toEqual({
      accountId: 'acct-alice',
      keyFingerprint: fingerprintOf(alice),
      keyChanged: false,
    });
  });

  it('shows a changed key when the server publishes another key for the same account', async () => {
    const { store, post } = await patient();
    const alice = generateIdentity();
    const first = await post(alice, 'acct-alice');
    // The server (or whoever took the account) swaps in a key of its own and signs with it.
    const impostor = generateIdentity();
    const second = await post(impostor, 'acct-alice');
    expect(verdictOf(store, first)).toMatchObject({ status: 'verified', keyChanged: false });
    expect(verdictOf(store, second)).toMatchObject({
      status: 'verified',
      keyChanged: true,
      fingerprint: fingerprintOf(impostor),
    });
    // Alice's own later entries still match her pinned key.
    expect(verdictOf(store, await post(alice, 'acct-alice'))).toMatchObject({ keyChanged: false });
  });

  it('shows a changed key when the server swaps an entry onto another account', async () => {
    const { store, post } = await patient();
    const alice = generateIdentity();
    const bob = generateIdentity();
    await post(alice, 'acct-alice');
    await post(bob, 'acct-bob');
    // Signed by Alice, but the server names Bob's account as the author.
    const swapped = await post(alice, 'acct-bob');
    expect(verdictOf(store, swapped)).toMatchObject({ accountId: 'acct-bob', keyChanged: true });
  });

  it('tells two practitioners with the same name apart by their fingerprints', async () => {
    const { store, post } = await patient();
    const one = generateIdentity();
    const two = generateIdentity();
    const a = verdictOf(store, await post(one, 'acct-one'));
    const b = verdictOf(store, await post(two, 'acct-two'));
    expect(a?.status === 'verified' && a.payload.author.name).toBe(NAME);
    expect(b?.status === 'verified' && b.payload.author.name).toBe(NAME);
    expect(a?.status === 'verified' && b?.status === 'verified' && a.fingerprint !== b.fingerprint).toBe(
      true,
    );
    expect(a).toMatchObject({ keyChanged: false });
    expect(b).toMatchObject({ keyChanged: false });
  });

  it('is invalid when the noted author does not name the signing key', async () => {
    const { store, profileId, post } = await patient();
    const id = await post(generateIdentity(), 'acct-alice');
    const entry = store.records().find((r) => r.id === id);
    const profile = store.profiles().find((p) => p.id === profileId);
    if (!db || !profile || entry?.record?.kind !== 'practitioner-entry' || !entry.record.received)
      throw new Error('setup');
    // Anything that can write into the vault and changes the noted key: no longer "verified".
    const other = fingerprintOf(generateIdentity()) ?? '';
    const next = { ...entry.record, received: { ...entry.record.received, keyFingerprint: other } };
    const doc = await db.records.findOne(id).exec();
    const envelope = sealRecord(id, (doc?.rev ?? 1) + 1, profile, next);
    await db.records.upsert({ ...envelope, updatedAt: doc?.updatedAt ?? 0 });
    await until(() => store.records().find((r) => r.id === id)?.rev === envelope.rev);
    expect(verdictOf(store, id)).toEqual({ status: 'invalid' });
  });
});
