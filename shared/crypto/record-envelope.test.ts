import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';
import {
  decryptBytes,
  decryptRecord,
  type EnvelopeBinding,
  encryptRecord,
  SCHEMA_VERSION,
  type SealedEnvelope,
} from './record-envelope.ts';
import { initCrypto } from './sodium.ts';
import { generateKey } from './symmetric-key.ts';
import { expectReason, flipByte } from './testing.ts';

beforeAll(initCrypto);

const binding: EnvelopeBinding = { profileId: 'p-self', kind: 'record', id: 'rec-1', rev: 3 };
const allergy = { kind: 'allergy', schemaVersion: 1, substance: 'Pénicilline', severity: 'severe' };

function sealed(): { key: ReturnType<typeof generateKey>; envelope: SealedEnvelope } {
  const key = generateKey();
  return { key, envelope: { ...binding, ...encryptRecord(binding, allergy, key) } };
}

function flipBase64(text: string, index: number): string {
  return toBase64(flipByte(fromBase64(text), index));
}

describe('record envelope', () => {
  it('round-trips a record and names its key and schema version', () => {
    const { key, envelope } = sealed();
    expect(envelope.keyId).toBe(key.id);
    expect(envelope.schemaVersion).toBe(SCHEMA_VERSION);
    expect(decryptRecord(envelope, key)).toEqual(allergy);
  });

  it('uses a fresh random nonce on every write', () => {
    const key = generateKey();
    const nonces = new Set(Array.from({ length: 50 }, () => encryptRecord(binding, allergy, key).nonce));
    expect(nonces.size).toBe(50);
    expect(fromBase64([...nonces][0] ?? '')).toHaveLength(24);
  });

  it('pads so that the ciphertext length does not reveal the record kind', () => {
    const key = generateKey();
    const short = encryptRecord(binding, { kind: 'note', body: 'x' }, key);
    const longer = encryptRecord(
      binding,
      { kind: 'lab-result', test: 'HIV-1/2 antibodies', value: 'negative' },
      key,
    );
    expect(fromBase64(short.ciphertext).length).toBe(fromBase64(longer.ciphertext).length);
  });

  it('refuses another key as wrong-key', () => {
    const { envelope } = sealed();
    expectReason(() => decryptRecord(envelope, generateKey()), 'wrong-key');
  });

  it('refuses a flipped byte anywhere in the nonce or ciphertext as tampered', () => {
    const { key, envelope } = sealed();
    for (const index of [0, 11, 23]) {
      expectReason(
        () => decryptRecord({ ...envelope, nonce: flipBase64(envelope.nonce, index) }, key),
        'tampered',
      );
    }
    const length = fromBase64(envelope.ciphertext).length;
    for (const index of [0, 1, Math.floor(length / 2), length - 17, length - 1]) {
      const ciphertext = flipBase64(envelope.ciphertext, index);
      expectReason(() => decryptRecord({ ...envelope, ciphertext }, key), 'tampered');
    }
  });

  it('binds every additional-data field: profile, kind, id and rev changes are tampered', () => {
    const { key, envelope } = sealed();
    const variants: SealedEnvelope[] = [
      { ...envelope, profileId: 'p-child' },
      { ...envelope, profileId: 'p-selg' },
      { ...envelope, kind: 'profile' },
      { ...envelope, id: 'rec-2' },
      { ...envelope, rev: 4 },
      { ...envelope, rev: 2 },
    ];
    for (const variant of variants) expectReason(() => decryptRecord(variant, key), 'tampered');
  });

  it('reports a changed keyId as wrong-key (the envelope then names a key this device lacks)', () => {
    const { key, envelope } = sealed();
    expectReason(
      () => decryptRecord({ ...envelope, keyId: flipBase64(envelope.keyId, 0) }, key),
      'wrong-key',
    );
  });

  it('refuses an unknown schema version, and binds the version when it is known', () => {
    const { key, envelope } = sealed();
    expectReason(() => decryptRecord({ ...envelope, schemaVersion: 3 }, key), 'unsupported-version');
    // Were version 3 supported, relabelling a version-2 envelope as version 3 would still fail; and
    // relabelling it as version 1 (which does not bind the deletion flag) fails today.
    expectReason(() => decryptBytes({ ...envelope, schemaVersion: 3 }, key, [1, 2, 3]), 'tampered');
    expectReason(() => decryptBytes({ ...envelope, schemaVersion: 1 }, key), 'tampered');
  });

  it('refuses a truncated nonce and malformed base64 clearly', () => {
    const { key, envelope } = sealed();
    expectReason(() => decryptRecord({ ...envelope, nonce: envelope.nonce.slice(0, 16) }, key), 'tampered');
    expectReason(() => decryptRecord({ ...envelope, ciphertext: '***' }, key), 'invalid-input');
  });
});
