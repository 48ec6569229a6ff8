import { beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema } from '../schema/envelope.ts';
import { parseRecord } from '../schema/record.ts';
import { decryptRecord, encryptRecord } from './record-envelope.ts';
import { initCrypto } from './sodium.ts';
import { generateKey } from './symmetric-key.ts';

beforeAll(initCrypto);

describe('crypto output and the envelope schema', () => {
  it('what the crypto core writes is a valid envelope, and decrypts to a valid record', () => {
    const key = generateKey();
    const record = {
      kind: 'note',
      schemaVersion: 1,
      title: 'Consultation',
      body: 'Tension un peu haute, à recontrôler dans 3 mois.',
      tags: [],
    };
    expect(parseRecord(record).ok).toBe(true);
    const binding = { profileId: 'p-self', kind: 'record' as const, id: 'r-1', rev: 1 };
    const envelope = envelopeSchema.parse({
      ...binding,
      ...encryptRecord(binding, record, key),
      updatedAt: 0,
      _deleted: false,
    });
    expect(JSON.stringify(envelope)).not.toContain('Tension');
    expect(parseRecord(decryptRecord(envelope, key))).toEqual({ ok: true, value: record });
  });
});
