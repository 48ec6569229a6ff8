import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { isCryptoError } from '../../../shared/crypto/errors.ts';
import { decryptRecord } from '../../../shared/crypto/record-envelope.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, symmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { flipByte } from '../../../shared/crypto/testing.ts';
import type { Profile } from '../../../shared/schema/profile.ts';
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import { AppError } from '../core/app-error.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import {
  openChunkEnvelope,
  openingKey,
  openProfileEnvelope,
  openProfileKey,
  openRecordEnvelope,
  sealChunkEnvelope,
  sealedState,
  sealProfileEnvelope,
  sealRecordEnvelope,
} from './envelope-codec.ts';

beforeAll(initCrypto);

const me: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-03-12',
  sex: 'female',
  locale: 'fr',
};
const note: ClinicalRecord = { kind: 'note', schemaVersion: 1, title: 'Grippe', body: 'Toux', tags: [] };

/** Written before the codec existed (vault key: 32 bytes of 7, profile key: 32 bytes of 9). */
const VAULT_KEY = () => symmetricKey(new Uint8Array(32).fill(7));
const PROFILE_KEY = () => symmetricKey(new Uint8Array(32).fill(9));
const OLD_PROFILE: StoredEnvelope = {
  profileId: 'p1',
  kind: 'profile',
  id: 'p1',
  rev: 2,
  updatedAt: 0,
  keyId: 'M4DjLa90_5NtBwG7',
  schemaVersion: 1,
  nonce: '5--PGbXShvP86gM4kTzMRypt_831aQ4D',
  ciphertext:
    'Mttcd5e-mbDnxzDnKI2zUwtTK1kQWqGN8urmnXFfte9drMx0PjbZiHU2whNg3cg3gtTQvpOfRBVpuBNBrC6HRORMABuQ15YlC2LcjPHT9DojFfPuNiMMVquBoRT_hqCl-nHOU32cMr5BVE5L8Q_SZIcANexl8_QMlSm_f8ak3-XwlF0xdbUF6NWp-QO6wD7tGxbU5v10xkw891BFOSPR6LEkTKzkXKRyoC26j8yiIY-DFybe7DE2xrJl8L1qvuHFkX9vJ6jPoCHZrgglfKGxwOCw8tfd9cneLCkcGg0rHq2_NPyezz6-EeY-d-zvvrMvjSo0XMK_cvd91ZXnKpXbiIscZo7q0t7eDMgERlJAUo0',
};
const OLD_RECORD: StoredEnvelope = {
  profileId: 'p1',
  kind: 'record',
  id: 'r1',
  rev: 3,
  updatedAt: 0,
  keyId: 'jKw7d-Wz0krUa17K',
  schemaVersion: 1,
  nonce: 'ZFIaDnkQgao_ro9VQ5xRU82TN5wxfqkj',
  ciphertext:
    'waFzbUdxtVVtCCOgOLde3xp3Vf8UimDNDhNhEQz79QJ5P2W2wnzzfA5UuYT92evSM3i7pyMubArOevuN3nmL_3Yq14k_Yqfya9uLbtrxmM_yzg9ZYkN2rucXxiwEmsghuplKNxADrn7_37aTx8fY6X4YECbRXm8CaV0Bc_YrBIsdvuFYgHC9ydtudt2nuWR77vRDc13z1mDZ5M9nGSJpXeJ7d2asy9koCkcqKE7uoTi-VBAMMcdBvK7IcOoWiba4kf8u8pWObjIIPawMnqo7_3kH-qxZxq-UX2xve-mthd95EOGer85JMZFWRd7TEoCc6jHZOK7hsJFNv7ODyV-PoyciaQ2d07cF8UWu0JtUc8s',
};

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isCryptoError(error) || error instanceof AppError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('envelope codec', () => {
  it('opens envelopes written before it, so the stored format is unchanged', () => {
    expect(openProfileEnvelope(OLD_PROFILE, VAULT_KEY())).toEqual({ profile: me, key: PROFILE_KEY() });
    expect(openRecordEnvelope(OLD_RECORD, PROFILE_KEY())).toEqual({ ok: true, value: note });
  });

  it('seals a profile with the vault key as {profile, key}, bound to its id and rev', () => {
    const vaultKey = generateKey();
    const key = generateKey();
    const envelope = sealProfileEnvelope({ id: 'p1', rev: 4 }, { profile: me, key }, vaultKey);
    expect(envelope).toMatchObject({ profileId: 'p1', kind: 'profile', id: 'p1', rev: 4, updatedAt: 0 });
    expect(envelope.keyId).toBe(vaultKey.id);
    expect(decryptRecord(envelope, vaultKey)).toEqual({ profile: me, key: toBase64(key.bytes) });
    expect(openProfileEnvelope(envelope, vaultKey)).toEqual({ profile: me, key });
    expect(reasonOf(() => openProfileEnvelope(envelope, key))).toBe('wrong-key');
    expect(reasonOf(() => openProfileEnvelope({ ...envelope, id: 'p2', profileId: 'p2' }, vaultKey))).toBe(
      'tampered',
    );
    const flipped = toBase64(flipByte(fromBase64(envelope.ciphertext), 7));
    expect(reasonOf(() => openProfileEnvelope({ ...envelope, ciphertext: flipped }, vaultKey))).toBe(
      'tampered',
    );
  });

  it('refuses a profile that decrypts but is not one, yet still yields its key', () => {
    const vaultKey = generateKey();
    const key = generateKey();
    const odd = sealProfileEnvelope(
      { id: 'p1', rev: 1 },
      { profile: { ...me, displayName: '' }, key },
      vaultKey,
    );
    expect(reasonOf(() => openProfileEnvelope(odd, vaultKey))).toBe('invalid-record');
    expect(openProfileKey(odd, vaultKey)).toEqual(key);
  });

  it('seals records and chunks with the profile key only', () => {
    const key = generateKey();
    const record = sealRecordEnvelope({ profileId: 'p1', id: 'r1', rev: 2 }, note, key);
    expect(record).toMatchObject({ profileId: 'p1', kind: 'record', id: 'r1', rev: 2, keyId: key.id });
    expect(openRecordEnvelope(record, key)).toEqual({ ok: true, value: note });
    expect(reasonOf(() => openRecordEnvelope(record, generateKey()))).toBe('wrong-key');
    const odd = sealRecordEnvelope(
      { profileId: 'p1', id: 'r2', rev: 1 },
      { ...note, kind: 'nope' } as never,
      key,
    );
    expect(openRecordEnvelope(odd, key).ok).toBe(false);

    const bytes = new Uint8Array([1, 2, 3, 250]);
    const chunk = sealChunkEnvelope({ profileId: 'p1', id: 'r1_0' }, bytes, key);
    expect(chunk).toMatchObject({ profileId: 'p1', kind: 'blob', id: 'r1_0', rev: 1 });
    expect(openChunkEnvelope(chunk, key)).toEqual(bytes);
    expect(reasonOf(() => openChunkEnvelope({ ...chunk, id: 'r1_1' }, key))).toBe('tampered');
  });

  it('says which key opens an envelope', () => {
    expect(openingKey(OLD_PROFILE)).toEqual({ vault: true });
    expect(openingKey(OLD_RECORD)).toEqual({ vault: false, profileId: 'p1' });
    expect(openingKey({ kind: 'blob', profileId: 'p2' })).toEqual({ vault: false, profileId: 'p2' });
  });

  it('changes the sealed state on every new seal, and only then', () => {
    const key = generateKey();
    const a = sealRecordEnvelope({ profileId: 'p1', id: 'r1', rev: 1 }, note, key);
    const b = sealRecordEnvelope({ profileId: 'p1', id: 'r1', rev: 1 }, note, key);
    expect(sealedState(a)).toBe(sealedState({ ...a, updatedAt: 99 }));
    expect(sealedState(a)).not.toBe(sealedState(b));
  });
});
