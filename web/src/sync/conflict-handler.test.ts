import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { decryptRecord, encryptRecord } from '../../../shared/crypto/record-envelope.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, type SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openStampedRecordEnvelope } from '../records/envelope-codec.ts';
import type { SavedStamp } from '../records/saved-stamp.ts';
import { conflictCopyRoot, rawCopyBinding } from './conflict-copy.ts';
import { type ConflictHandlerDeps, createConflictHandler } from './conflict-handler.ts';
import type { SyncedEnvelope } from './envelope-state.ts';

let vaultKey: SymmetricKey;
let profileKey: SymmetricKey;
beforeAll(async () => {
  await initCrypto();
  vaultKey = generateKey();
  profileKey = generateKey();
});

function sealed(
  kind: 'record' | 'profile',
  id: string,
  rev: number,
  plaintext: unknown,
  deleted = false,
): SyncedEnvelope {
  const binding = { profileId: kind === 'record' ? 'p1' : id, kind, id, rev };
  const key = kind === 'record' ? profileKey : vaultKey;
  return { ...binding, updatedAt: 0, _deleted: deleted, ...encryptRecord(binding, plaintext, key) };
}

function setup(locked = false) {
  const copies: StoredEnvelope[] = [];
  const deps: ConflictHandlerDeps = {
    getKeys: () => (locked ? null : { vaultKey, profileKey: async () => profileKey }),
    saveCopy: async (e) => {
      copies.push(e);
    },
  };
  return {
    copies,
    records: createConflictHandler('records', deps),
    profiles: createConflictHandler('profiles', deps),
    blobs: createConflictHandler('blobs', deps),
  };
}

function setupStamped(stamp: SavedStamp) {
  const copies: StoredEnvelope[] = [];
  const records = createConflictHandler('records', {
    getKeys: () => ({ vaultKey, profileKey: async () => profileKey }),
    saveCopy: async (e) => {
      copies.push(e);
    },
    stamp: () => stamp,
  });
  return { copies, records };
}

const note = { kind: 'note', schemaVersion: 1, title: 'Rhume', body: 'Fièvre' };

describe('conflict handler', () => {
  it('compares id, rev, nonce and deletion only', () => {
    const { records } = setup();
    const a = sealed('record', 'r', 2, note);
    expect(records.isEqual(a, { ...a, updatedAt: 99 }, '')).toBe(true);
    expect(records.isEqual(a, { ...a, _deleted: true }, '')).toBe(false);
    expect(records.isEqual(a, sealed('record', 'r', 2, note), '')).toBe(false);
  });

  it('merges disjoint edits and re-encrypts on top of the master', async () => {
    const { records, copies } = setup();
    const base = sealed('record', 'r', 1, note);
    const local = sealed('record', 'r', 2, { ...note, title: 'Grippe' });
    const real = sealed('record', 'r', 2, { ...note, body: 'Toux' });
    const out = await records.resolve(
      { assumedMasterState: base, newDocumentState: local, realMasterState: real },
      '',
    );
    expect(out.rev).toBe(3);
    expect(decryptRecord(out, profileKey)).toEqual({ ...note, title: 'Grippe', body: 'Toux' });
    expect(copies).toEqual([]);
  });

  it('keeps the master for a field changed both ways and stores the local version as a copy, once', async () => {
    const { records, copies } = setup();
    const base = sealed('record', 'r', 1, note);
    const local = sealed('record', 'r', 2, { ...note, title: 'Local' });
    const real = sealed('record', 'r', 2, { ...note, title: 'Remote' });
    const input = { assumedMasterState: base, newDocumentState: local, realMasterState: real };
    expect(await records.resolve(input, '')).toBe(real);
    await records.resolve(input, '');
    expect(new Set(copies.map((c) => c.id)).size).toBe(1);
    const copy = copies[0] as StoredEnvelope;
    expect(conflictCopyRoot(copy.id)).toBe('r');
    expect(copy).toMatchObject({ rev: 1, profileId: 'p1', kind: 'record' });
    expect(decryptRecord(copy, profileKey)).toEqual({ ...note, title: 'Local' });
  });

  it('keeps the saving device and time: the copy keeps the local stamp, a merge is stamped by this device', async () => {
    const { records, copies } = setup();
    const onA = { device: 'device-a', label: 'Firefox on Android', at: '2026-12-04T10:00:00.000Z' };
    const onB = { device: 'device-b', label: 'Chrome on Linux', at: '2026-12-04T10:05:00.000Z' };
    const base = sealed('record', 'r', 1, { ...note, _saved: onA });
    const local = sealed('record', 'r', 2, { ...note, title: 'Local', _saved: onA });
    const real = sealed('record', 'r', 2, { ...note, title: 'Remote', _saved: onB });
    expect(
      await records.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: real }, ''),
    ).toBe(real);
    const copy = openStampedRecordEnvelope(copies[0] as StoredEnvelope, profileKey);
    expect(copy.saved).toEqual(onA);
    expect(copy.parsed).toMatchObject({ ok: true, value: { ...note, title: 'Local' } });

    // Stamps alone never make a conflict: only the title moved, on one side.
    const here = { device: 'device-c', label: 'Safari on iOS', at: '2026-12-04T11:00:00.000Z' };
    const stamped = setupStamped(here);
    const merged = await stamped.records.resolve(
      {
        assumedMasterState: base,
        newDocumentState: sealed('record', 'r', 2, { ...note, title: 'Grippe', _saved: onA }),
        realMasterState: sealed('record', 'r', 2, { ...note, body: 'Toux', _saved: onB }),
      },
      '',
    );
    expect(stamped.copies).toEqual([]);
    expect(openStampedRecordEnvelope(merged as StoredEnvelope, profileKey)).toMatchObject({
      parsed: { ok: true, value: { ...note, title: 'Grippe', body: 'Toux' } },
      saved: here,
    });
  });

  it('lets an edit win over a deletion, either way', async () => {
    const { records } = setup();
    const base = sealed('record', 'r', 1, note);
    const edited = sealed('record', 'r', 2, { ...note, title: 'Edit' });
    const deletedLocally = { ...base, _deleted: true };
    expect(
      await records.resolve(
        { assumedMasterState: base, newDocumentState: deletedLocally, realMasterState: edited },
        '',
      ),
    ).toBe(edited);
    const tombstone = sealed('record', 'r', 2, note, true);
    const out = await records.resolve(
      { assumedMasterState: base, newDocumentState: edited, realMasterState: tombstone },
      '',
    );
    expect(out).toMatchObject({ rev: 3, _deleted: false });
    expect(decryptRecord(out, profileKey)).toEqual({ ...note, title: 'Edit' });
  });

  it('when locked, keeps the master and the local envelope unchanged as a raw copy', async () => {
    const { records, copies } = setup(true);
    const local = sealed('record', 'r', 2, { ...note, title: 'Local' });
    const real = sealed('record', 'r', 2, { ...note, title: 'Remote' });
    expect(await records.resolve({ newDocumentState: local, realMasterState: real }, '')).toBe(real);
    const copy = copies[0] as StoredEnvelope;
    expect(copy).toMatchObject({ rev: 2, nonce: local.nonce, ciphertext: local.ciphertext });
    expect(decryptRecord(rawCopyBinding(copy) as StoredEnvelope, profileKey)).toEqual({
      ...note,
      title: 'Local',
    });
  });

  it('keeps an unreadable master and copies the readable local version', async () => {
    const { records, copies } = setup();
    const local = sealed('record', 'r', 2, EXAMPLE_RECORDS.allergy);
    const real = { ...sealed('record', 'r', 3, note), ciphertext: sealed('record', 'x', 3, note).ciphertext };
    expect(await records.resolve({ newDocumentState: local, realMasterState: real }, '')).toBe(real);
    expect(decryptRecord(copies[0] as StoredEnvelope, profileKey)).toEqual(EXAMPLE_RECORDS.allergy);
  });

  it('takes the master for blobs', async () => {
    const { blobs } = setup();
    const real = sealed('record', 'b_0', 1, 'x', true);
    expect(
      await blobs.resolve({ newDocumentState: sealed('record', 'b_0', 1, 'x'), realMasterState: real }, ''),
    ).toBe(real);
  });

  it('merges profiles, and turns a lost profile field into a note in that profile', async () => {
    const { profiles, copies } = setup();
    const profile = {
      schemaVersion: 1,
      displayName: 'Léa',
      relationship: 'child',
      dateOfBirth: '2019-05-02',
      sex: 'female',
      locale: 'fr',
    };
    const key = toBase64(profileKey.bytes);
    const base = sealed('profile', 'p1', 1, { profile, key });
    const merged = await profiles.resolve(
      {
        assumedMasterState: base,
        newDocumentState: sealed('profile', 'p1', 2, { profile: { ...profile, displayName: 'Léa M.' }, key }),
        realMasterState: sealed('profile', 'p1', 2, { profile: { ...profile, locale: 'en' }, key }),
      },
      '',
    );
    expect(decryptRecord(merged, vaultKey)).toEqual({
      profile: { ...profile, displayName: 'Léa M.', locale: 'en' },
      key,
    });

    const real = sealed('profile', 'p1', 2, { profile: { ...profile, sex: 'other' }, key });
    const out = await profiles.resolve(
      {
        assumedMasterState: base,
        newDocumentState: sealed('profile', 'p1', 2, { profile: { ...profile, sex: 'unknown' }, key }),
        realMasterState: real,
      },
      '',
    );
    expect(out).toBe(real);
    const copy = copies[0] as StoredEnvelope;
    expect(copy).toMatchObject({ profileId: 'p1', kind: 'record' });
    expect(decryptRecord(copy, profileKey)).toMatchObject({
      kind: 'note',
      body: 'sex: unknown',
      tags: ['conflicting-copy', 'profile'],
    });
  });
});
