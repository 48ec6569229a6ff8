import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity } from '../../../shared/crypto/identity.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { generateShareKey, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { flipByte } from '../../../shared/crypto/testing.ts';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { sealRecord } from '../records/record-service.ts';
import type { AppStore } from '../store/app-store.ts';
import { importEntry, patientBoxKey } from '../testing/sharing.ts';
import { openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import { buildPayload, checkStoredEntry } from './entry-payload.ts';

beforeAll(initCrypto);

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  await db?.remove();
  db = undefined;
});

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

const author = { name: 'Dr Alice Martin', profession: 'Médecin généraliste', professionalId: '10001234567' };
const prescription: PractitionerEntry = {
  kind: 'practitioner-entry',
  schemaVersion: 1,
  entryType: 'prescription',
  title: 'Ordonnance',
  practitioner: { ...author, idSelfDeclared: true },
  createdAt: '2026-11-23T10:00:00.000Z',
  items: [{ medication: 'Amoxicilline 1 g', dosage: '1 comprimé matin et soir', duration: '6 jours' }],
};

async function patientWithEntry(): Promise<{ store: AppStore; profileId: string; entryId: string }> {
  const opened = await openUnlockedApp({ name: 'share-import' });
  ({ db, dispose } = opened);
  const { store } = opened;
  const profile = { id: opened.profileId };
  const doctor = generateIdentity();
  const patientBoxPk = await patientBoxKey(opened.db);
  const entryId = 'entry-0123456789abcdef';
  const shareKey = generateShareKey();
  const share = { id: 'share-1', profileId: profile.id, key: toBase64(shareKey) };
  const doctorPk = toBase64(doctor.sign.publicKey);
  // What the server says about the poster: its account's published key and profile name.
  const named = { accountId: 'acct-doctor', name: author.name, signPk: doctorPk };
  const make = (
    options: {
      signer?: ReturnType<typeof generateIdentity>;
      tag?: string;
      name?: string;
      to?: Uint8Array;
    } = {},
  ) => {
    const signer = options.signer ?? doctor;
    const payload = buildPayload({
      id: entryId,
      shareId: 'share-1',
      profileId: profile.id,
      author: { ...author, name: options.name ?? author.name },
      signPk: toBase64(signer.sign.publicKey),
      tag: options.tag ?? shareEntryTag(shareKey, 'share-1', entryId, profile.id),
      entry: {
        ...prescription,
        practitioner: { ...prescription.practitioner, name: options.name ?? author.name },
      },
    });
    const signed = signEntry(payload, signer.sign.secretKey, signer.sign.publicKey);
    return sealEntry(signed, options.to ?? patientBoxPk);
  };
  const sealed = make();
  expect(await importEntry(store, { ...share, id: 'other-share' }, { sealed, author: named })).toBe(false);
  // Re-signed with another key under the same name (a forger, or the server itself): refused.
  const forger = generateIdentity();
  expect(await importEntry(store, share, { sealed: make({ signer: forger }), author: named })).toBe(false);
  // ... even when the server names the forger's key: the name must match too, and the tag.
  expect(
    await importEntry(store, share, {
      sealed: make({ signer: forger, tag: toBase64(new Uint8Array(32)) }),
      author: { ...named, signPk: toBase64(forger.sign.publicKey) },
    }),
  ).toBe(false);
  // A wrong share tag (computed with another share key): refused, although the signature is good.
  const otherTag = shareEntryTag(generateShareKey(), 'share-1', entryId, profile.id);
  expect(await importEntry(store, share, { sealed: make({ tag: otherTag }), author: named })).toBe(false);
  // The signed name differs from the server's profile name: refused.
  expect(await importEntry(store, share, { sealed: make({ name: 'Dr Someone Else' }), author: named })).toBe(
    false,
  );
  // Sealed to someone else: not imported.
  const stranger = generateIdentity();
  expect(
    await importEntry(store, share, { sealed: make({ to: stranger.box.publicKey }), author: named }),
  ).toBe(false);
  expect(store.records().some((r) => r.id === entryId)).toBe(false);
  expect(await importEntry(store, share, { sealed, author: named })).toBe(true);
  await until(() => store.records().some((r) => r.id === entryId));
  return { store, profileId: profile.id, entryId };
}

function stored(store: AppStore, id: string) {
  return store.records().find((r) => r.id === id);
}

describe('imported practitioner entries', () => {
  it('are verified, and read-only to the patient', async () => {
    const { store, entryId } = await patientWithEntry();
    const record = stored(store, entryId)?.record;
    if (record?.kind !== 'practitioner-entry') throw new Error('expected a practitioner entry');
    const check = checkStoredEntry(record);
    expect(check.status).toBe('verified');
    if (check.status === 'verified') expect(check.payload.author.name).toBe('Dr Alice Martin');
    expect(await reason(store.updateRecord(entryId, { ...record, title: 'Changed' }))).toBe('read-only');
    expect(await reason(store.deleteRecord(entryId))).toBe('read-only');
    expect(await reason(store.addRecord(prescription))).toBe('read-only');
    expect(stored(store, entryId)?.rev).toBe(1);
  });

  it('show as invalid when one byte of the stored entry changes', async () => {
    const { store, profileId, entryId } = await patientWithEntry();
    const entry = stored(store, entryId);
    const record = entry?.record;
    const profile = store.profiles().find((p) => p.id === profileId);
    if (!db || !profile || record?.kind !== 'practitioner-entry' || !record.signature)
      throw new Error('setup');
    const signature = record.signature;
    const payload = fromBase64(signature.payload);
    const rewrite = async (next: unknown) => {
      const doc = await db?.records.findOne(entryId).exec();
      const envelope = sealRecord(entryId, (doc?.rev ?? 1) + 1, profile, next as PractitionerEntry);
      await db?.records.upsert({ ...envelope, updatedAt: doc?.updatedAt ?? 0 });
      await until(() => stored(store, entryId)?.rev === envelope.rev);
      const again = stored(store, entryId)?.record;
      return again?.kind === 'practitioner-entry' ? checkStoredEntry(again).status : 'unreadable';
    };
    // One byte of the signed bytes, anywhere: invalid.
    for (const index of [0, 37, payload.length >> 1, payload.length - 1]) {
      const altered = { ...record, signature: { ...signature, payload: toBase64(flipByte(payload, index)) } };
      expect(await rewrite(altered)).toBe('invalid');
    }
    // The shown fields no longer match the signed ones (a dose changed by one character): invalid.
    const item = record.entryType === 'prescription' ? record.items[0] : undefined;
    if (!item || record.entryType !== 'prescription') throw new Error('setup');
    expect(await rewrite({ ...record, items: [{ ...item, dosage: '2 comprimés matin et soir' }] })).toBe(
      'invalid',
    );
    // One byte of the signature: invalid.
    const sig = fromBase64(signature.sig);
    expect(await rewrite({ ...record, signature: { ...signature, sig: toBase64(flipByte(sig, 3)) } })).toBe(
      'invalid',
    );
    // Back to the signed original: verified again.
    expect(await rewrite(record)).toBe('verified');
    // One byte of the ciphertext in IndexedDB: the record does not even decrypt.
    const doc = await db.records.findOne(entryId).exec();
    const envelope = doc?.toJSON() as StoredEnvelope;
    const ciphertext = fromBase64(envelope.ciphertext);
    await db.records.upsert({ ...envelope, ciphertext: toBase64(flipByte(ciphertext, 20)) });
    await until(() => stored(store, entryId)?.record === null);
    expect(stored(store, entryId)?.problem).toBe('tampered');
  });
});
