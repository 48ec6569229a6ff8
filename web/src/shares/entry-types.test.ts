/**
 * Every practitioner entry type goes the whole way: drafted as the practitioner's form drafts it,
 * signed and sealed as send-entry.ts does, opened and imported by the patient's device (real RxDB on
 * fake-indexeddb), then checked as the record screen checks it before showing it. One altered byte,
 * or one shown field that no longer matches the signed one, makes each type invalid.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity } from '../../../shared/crypto/identity.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { generateShareKey, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { flipByte } from '../../../shared/crypto/testing.ts';
import {
  type PractitionerEntry,
  practitionerEntrySchema,
} from '../../../shared/schema/practitioner-entry.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { sealRecord } from '../records/record-service.ts';
import type { AppStore } from '../store/app-store.ts';
import { importEntry, patientBoxKey } from '../testing/sharing.ts';
import { openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';
import { type EntryDraft, entryFromDraft } from './entry-draft.ts';
import { buildPayload, checkStoredEntry } from './entry-payload.ts';

beforeAll(initCrypto);

let db: CarnetDatabase | undefined;
function requireDb(): CarnetDatabase {
  if (!db) throw new Error('setup');
  return db;
}
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  await db?.remove();
  db = undefined;
});

const author = {
  name: 'Marc Lefèvre',
  profession: 'Masseur-kinésithérapeute',
  specialty: 'Rééducation du rachis',
  professionalId: '10009876543',
  city: 'Lyon',
};
const practitioner = {
  name: author.name,
  profession: author.profession,
  specialty: author.specialty,
  professionalId: author.professionalId,
  idSelfDeclared: true as const,
};
const createdAt = '2026-11-23T14:30:00.000Z';

interface Case {
  readonly draft: EntryDraft;
  /** One character changed in a field the record screen shows. */
  readonly alter: (entry: PractitionerEntry) => PractitionerEntry;
  /** What the screen must show once verified. */
  readonly shown: (entry: PractitionerEntry) => string;
}

const row = (a: string, b = '', c = '') => ({ a, b, c });
const cases: Record<PractitionerEntry['entryType'], Case> = {
  note: {
    draft: {
      entryType: 'note',
      title: 'Bilan initial',
      body: 'Lombalgie depuis 3 semaines, sans irradiation. Mobilité réduite en flexion.',
      rows: [],
    },
    alter: (e) => (e.entryType === 'note' ? { ...e, body: e.body.replace('3 semaines', '8 semaines') } : e),
    shown: (e) => (e.entryType === 'note' ? e.body : ''),
  },
  diagnosis: {
    draft: { entryType: 'diagnosis', title: 'Diagnostic', body: 'Lombalgie commune aiguë', rows: [] },
    alter: (e) => (e.entryType === 'diagnosis' ? { ...e, body: 'Lombalgie commune chronique' } : e),
    shown: (e) => (e.entryType === 'diagnosis' ? e.body : ''),
  },
  prescription: {
    draft: {
      entryType: 'prescription',
      title: 'Ordonnance',
      body: '',
      rows: [row('Paracétamol 1 g', '1 comprimé 3 fois par jour', '5 jours'), row('Ibuprofène 400 mg')],
    },
    alter: (e) =>
      e.entryType === 'prescription'
        ? {
            ...e,
            items: e.items.map((item, i) => (i === 1 ? { ...item, medication: 'Ibuprofène 600 mg' } : item)),
          }
        : e,
    shown: (e) => (e.entryType === 'prescription' ? e.items.map((i) => i.medication).join(', ') : ''),
  },
  'exercise-programme': {
    draft: {
      entryType: 'exercise-programme',
      title: 'Programme à domicile',
      body: 'Arrêter en cas de douleur vive.',
      rows: [
        row('Gainage', '2 fois par jour', '30 secondes, 3 séries'),
        row('Étirement des ischio-jambiers'),
      ],
    },
    alter: (e) =>
      e.entryType === 'exercise-programme'
        ? {
            ...e,
            exercises: e.exercises.map((x, i) => (i === 0 ? { ...x, frequency: '3 fois par jour' } : x)),
          }
        : e,
    shown: (e) => (e.entryType === 'exercise-programme' ? e.exercises.map((x) => x.name).join(', ') : ''),
  },
};

async function patient(): Promise<{ store: AppStore; profileId: string }> {
  const opened = await openUnlockedApp({ name: 'share-types' });
  ({ db, dispose } = opened);
  return opened;
}

/** What the practitioner's device sends for one draft (as send-entry.ts builds it). */
function sent(draft: EntryDraft, patientBoxPk: Uint8Array, profileId: string) {
  const doctor = generateIdentity();
  const shareKey = generateShareKey();
  const entryId = toBase64(doctor.sign.publicKey).slice(0, 22);
  const entry = practitionerEntrySchema.parse(entryFromDraft(draft, practitioner, createdAt));
  const signPk = toBase64(doctor.sign.publicKey);
  const payload = buildPayload({
    id: entryId,
    shareId: 'share-types',
    profileId,
    author,
    signPk,
    tag: shareEntryTag(shareKey, 'share-types', entryId, profileId),
    entry,
  });
  const sealed = sealEntry(signEntry(payload, doctor.sign.secretKey, doctor.sign.publicKey), patientBoxPk);
  return {
    entry,
    entryId,
    sealed,
    share: { id: 'share-types', profileId, key: toBase64(shareKey) },
    author: { accountId: 'acct-kine', name: author.name, signPk },
  };
}

describe.each(Object.entries(cases))('a practitioner %s', (entryType, c) => {
  it('is imported read-only and verified, showing exactly the signed content', async () => {
    const { store, profileId } = await patient();
    const out = sent(c.draft, await patientBoxKey(requireDb()), profileId);
    expect(out.entry.entryType).toBe(entryType);
    // A flipped byte of the sealed box in transit: not imported at all.
    const box = fromBase64(out.sealed);
    for (const index of [0, box.length >> 1, box.length - 1]) {
      const pending = { sealed: toBase64(flipByte(box, index)), author: out.author };
      expect(await importEntry(store, out.share, pending)).toBe(false);
    }
    expect(store.records().some((r) => r.id === out.entryId)).toBe(false);

    expect(await importEntry(store, out.share, { sealed: out.sealed, author: out.author })).toBe(true);
    await until(() => store.records().some((r) => r.id === out.entryId));
    const record = store.records().find((r) => r.id === out.entryId)?.record;
    if (record?.kind !== 'practitioner-entry') throw new Error('expected a practitioner entry');
    expect(record.entryType).toBe(entryType);
    const check = checkStoredEntry(record);
    if (check.status !== 'verified') throw new Error(`expected verified, got ${check.status}`);
    expect(check.payload.author).toEqual({ ...author, signPk: out.author.signPk });
    expect(check.payload.entry).toEqual(out.entry);
    expect(c.shown(check.payload.entry)).not.toBe('');
    expect(c.shown(check.payload.entry)).toBe(c.shown(out.entry));
    await expect(store.updateRecord(out.entryId, c.alter(record))).rejects.toMatchObject({
      reason: 'read-only',
    });
  });

  it('shows as invalid when one byte changes, and never shows the altered content', async () => {
    const { store, profileId } = await patient();
    const profile = store.profiles().find((p) => p.id === profileId);
    if (!profile) throw new Error('setup');
    const out = sent(c.draft, await patientBoxKey(requireDb()), profileId);
    expect(await importEntry(store, out.share, { sealed: out.sealed, author: out.author })).toBe(true);
    await until(() => store.records().some((r) => r.id === out.entryId));
    const record = store.records().find((r) => r.id === out.entryId)?.record;
    if (record?.kind !== 'practitioner-entry' || !record.signature) throw new Error('setup');
    const signature = record.signature;

    // Rewritten in the patient's own store, as anyone with the vault key could.
    const rewrite = async (next: PractitionerEntry) => {
      const doc = await db?.records.findOne(out.entryId).exec();
      const envelope = sealRecord(out.entryId, (doc?.rev ?? 1) + 1, profile, next);
      await db?.records.upsert({ ...envelope, updatedAt: doc?.updatedAt ?? 0 });
      await until(() => store.records().find((r) => r.id === out.entryId)?.rev === envelope.rev);
      const again = store.records().find((r) => r.id === out.entryId)?.record;
      return again?.kind === 'practitioner-entry' ? checkStoredEntry(again).status : 'unreadable';
    };
    const payload = fromBase64(signature.payload);
    for (const index of [1, payload.length >> 1, payload.length - 2]) {
      const flipped = { ...signature, payload: toBase64(flipByte(payload, index)) };
      expect(await rewrite({ ...record, signature: flipped })).toBe('invalid');
    }
    const sig = fromBase64(signature.sig);
    expect(await rewrite({ ...record, signature: { ...signature, sig: toBase64(flipByte(sig, 40)) } })).toBe(
      'invalid',
    );
    // A shown field changed, the signature kept: invalid.
    const altered = c.alter(record);
    expect(altered).not.toEqual(record);
    expect(await rewrite(altered)).toBe('invalid');
    expect(await rewrite({ ...record, title: `${record.title}.` })).toBe('invalid');
    // Back to the signed original: verified again.
    expect(await rewrite(record)).toBe('verified');
    // One byte of the stored ciphertext: the record does not decrypt and is flagged as tampered.
    const doc = await db?.records.findOne(out.entryId).exec();
    const envelope = doc?.toJSON() as StoredEnvelope;
    const ciphertext = fromBase64(envelope.ciphertext);
    await db?.records.upsert({
      ...envelope,
      ciphertext: toBase64(flipByte(ciphertext, ciphertext.length - 5)),
    });
    await until(() => store.records().find((r) => r.id === out.entryId)?.record === null);
    expect(store.records().find((r) => r.id === out.entryId)?.problem).toBe('tampered');
  });
});

describe('entry types that only change shape', () => {
  it('a note re-labelled as a diagnosis (same body) is invalid', async () => {
    const { store, profileId } = await patient();
    const profile = store.profiles().find((p) => p.id === profileId);
    if (!profile) throw new Error('setup');
    const out = sent(cases.note.draft, await patientBoxKey(requireDb()), profileId);
    expect(await importEntry(store, out.share, { sealed: out.sealed, author: out.author })).toBe(true);
    await until(() => store.records().some((r) => r.id === out.entryId));
    const record = store.records().find((r) => r.id === out.entryId)?.record;
    if (record?.kind !== 'practitioner-entry' || record.entryType !== 'note') throw new Error('setup');
    const relabelled: PractitionerEntry = { ...record, entryType: 'diagnosis' };
    const envelope = sealRecord(out.entryId, 2, profile, relabelled);
    await db?.records.upsert({ ...envelope, updatedAt: 0 });
    await until(() => store.records().find((r) => r.id === out.entryId)?.rev === 2);
    const again = store.records().find((r) => r.id === out.entryId)?.record;
    expect(again?.kind === 'practitioner-entry' && again.entryType).toBe('diagnosis');
    if (again?.kind !== 'practitioner-entry') throw new Error('expected a practitioner entry');
    expect(checkStoredEntry(again).status).toBe('invalid');
  });
});
