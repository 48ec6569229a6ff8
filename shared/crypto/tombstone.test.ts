/**
 * Authenticated deletion (record-envelope.ts, version 2): the deletion flag is inside the additional
 * data, a tombstone is sealed at its own rev, and version-1 envelopes (written before) keep opening.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aeadEncrypt } from './aead.ts';
import { toBase64, utf8 } from './encoding.ts';
import {
  decryptRecord,
  type EnvelopeBinding,
  encryptRecord,
  openTombstone,
  type SealedEnvelope,
  sealTombstone,
} from './record-envelope.ts';
import { initCrypto, sodium } from './sodium.ts';
import { generateKey, type SymmetricKey } from './symmetric-key.ts';
import { expectReason } from './testing.ts';

beforeAll(initCrypto);

const binding: EnvelopeBinding = { profileId: 'p-self', kind: 'record', id: 'rec-1', rev: 3 };
const allergy = { kind: 'allergy', schemaVersion: 1, substance: 'Arachide', severity: 'severe' };

/** A version-1 envelope exactly as the app sealed them before version 2 (its additional data). */
function sealVersion1(b: EnvelopeBinding, value: unknown, key: SymmetricKey): SealedEnvelope {
  const ad = utf8(JSON.stringify(['carnet.record', b.profileId, b.kind, b.id, b.rev, key.id, 1]));
  const sealed = aeadEncrypt(key, sodium().pad(utf8(JSON.stringify(value)), 256), ad);
  return {
    ...b,
    keyId: key.id,
    schemaVersion: 1,
    nonce: toBase64(sealed.nonce),
    ciphertext: toBase64(sealed.ciphertext),
  };
}

describe('authenticated deletion', () => {
  it('writes version 2, and a live envelope flipped to deleted no longer opens', () => {
    const key = generateKey();
    const live = { ...binding, ...encryptRecord(binding, allergy, key) };
    expect(live.schemaVersion).toBe(2);
    expect(decryptRecord(live, key)).toEqual(allergy);
    expect(decryptRecord({ ...live, _deleted: false }, key)).toEqual(allergy);
    expectReason(() => decryptRecord({ ...live, _deleted: true }, key), 'tampered');
    expectReason(() => openTombstone({ ...live, _deleted: true }, key), 'tampered');
  });

  it('opens a tombstone sealed at its rev, and nothing that was moved or un-deleted', () => {
    const key = generateKey();
    const next = { ...binding, rev: 4 };
    const tombstone = { ...next, _deleted: true, ...sealTombstone(next, key) };
    expect(() => openTombstone(tombstone, key)).not.toThrow();
    // Un-deleted by the server: it opens neither as a tombstone nor as a record.
    expectReason(() => openTombstone({ ...tombstone, _deleted: false }, key), 'unsupported-version');
    expectReason(() => decryptRecord({ ...tombstone, _deleted: false }, key), 'tampered');
    // Relabelled as another rev or record, or as version 1.
    expectReason(() => openTombstone({ ...tombstone, rev: 5 }, key), 'tampered');
    expectReason(() => openTombstone({ ...tombstone, id: 'rec-2' }, key), 'tampered');
    expectReason(() => openTombstone({ ...tombstone, schemaVersion: 1 }, key), 'unsupported-version');
    expectReason(() => openTombstone(tombstone, generateKey()), 'wrong-key');
  });

  it('keeps opening version-1 envelopes, but never takes one as an authenticated deletion', () => {
    const key = generateKey();
    const old = sealVersion1(binding, allergy, key);
    expect(decryptRecord(old, key)).toEqual(allergy);
    // The flag is outside version 1's additional data: the content still opens, which is exactly
    // why a version-1 tombstone proves nothing.
    expect(decryptRecord({ ...old, _deleted: true }, key)).toEqual(allergy);
    expectReason(() => openTombstone({ ...old, _deleted: true }, key), 'unsupported-version');
  });
});
