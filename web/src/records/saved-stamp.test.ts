import { beforeAll, describe, expect, it } from 'vitest';
import { decryptRecord, encryptRecord } from '../../../shared/crypto/record-envelope.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, type SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import { openRecordEnvelope, openStampedRecordEnvelope, sealRecordEnvelope } from './envelope-codec.ts';
import { deviceLabel, deviceTag, stampNow, thisDevice } from './this-device.ts';

let key: SymmetricKey;
beforeAll(async () => {
  await initCrypto();
  key = generateKey();
});

const target = { profileId: 'p1', id: 'r1', rev: 1 };
const stamp = { device: 'dev-1', label: 'Chrome on Linux', at: '2026-12-04T13:00:00.000Z' };

describe('saved stamp', () => {
  it('travels inside the ciphertext and comes out beside the record, not in it', () => {
    const envelope = sealRecordEnvelope(target, EXAMPLE_RECORDS.note, key, stamp);
    expect(JSON.stringify(envelope)).not.toContain('Chrome');
    expect(openStampedRecordEnvelope(envelope, key)).toEqual({
      parsed: { ok: true, value: EXAMPLE_RECORDS.note },
      saved: stamp,
    });
    expect(openRecordEnvelope(envelope, key)).toEqual({ ok: true, value: EXAMPLE_RECORDS.note });
  });

  it('is optional: an older envelope opens as before', () => {
    const envelope = sealRecordEnvelope(target, EXAMPLE_RECORDS.note, key);
    expect(decryptRecord(envelope, key)).toEqual(EXAMPLE_RECORDS.note);
    expect(openStampedRecordEnvelope(envelope, key)).toEqual({
      parsed: { ok: true, value: EXAMPLE_RECORDS.note },
    });
  });

  it('ignores a malformed stamp rather than refusing the record', () => {
    const binding = { ...target, kind: 'record' as const };
    const plain = { ...EXAMPLE_RECORDS.note, _saved: { device: 'x', at: 'yesterday' } };
    const envelope = { ...binding, updatedAt: 0, ...encryptRecord(binding, plain, key) };
    expect(openStampedRecordEnvelope(envelope, key)).toEqual({
      parsed: { ok: true, value: EXAMPLE_RECORDS.note },
    });
  });
});

describe('this device', () => {
  it('names the browser and system a person would', () => {
    const android =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(deviceLabel(android)).toBe('Chrome (Android)');
    expect(deviceLabel(iphone)).toBe('Safari (iOS)');
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox (Linux)',
    );
    expect(deviceLabel('')).toBe('Browser');
  });

  it('keeps one random id per browser profile, and stamps saves with it', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const first = thisDevice(storage, 'Firefox/133.0');
    expect(thisDevice(storage, 'Firefox/133.0')).toEqual(first);
    expect(thisDevice(undefined, 'Firefox/133.0').id).not.toBe(first.id);
    expect(stampNow(first, Date.UTC(2026, 11, 4, 13))).toEqual({
      device: first.id,
      label: 'Firefox',
      at: '2026-12-04T13:00:00.000Z',
    });
    expect(deviceTag('a-b_cdef')).toBe('ABCD');
  });
});
