import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/encoding.ts';
import { initCrypto } from '../crypto/sodium.ts';
import type { Envelope } from '../schema/envelope.ts';
import { isBackupError } from './backup-error.ts';
import { envelopeFrame, parseEnvelopeFrame } from './envelope-frames.ts';

beforeAll(initCrypto);

const ENVELOPE: Envelope = {
  id: 'r1',
  profileId: 'p1',
  kind: 'record',
  rev: 2,
  updatedAt: 0,
  _deleted: false,
  keyId: 'abcdefghijklmnop',
  schemaVersion: 1,
  nonce: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ciphertext: 'Y2lwaGVy',
  author: 'YXV0aG9y',
  sig: 'c2ln',
};

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isBackupError(error) ? error.reason : String(error);
  }
  return 'nothing thrown';
}

describe('envelope frames', () => {
  it('carries an envelope unchanged, signature included', () => {
    const frame = envelopeFrame(ENVELOPE);
    expect([frame.type, frame.id]).toEqual(['record', 'r1']);
    expect(parseEnvelopeFrame(frame)).toEqual(ENVELOPE);
  });

  it('refuses a frame whose id or type does not match its envelope, or that is not an envelope', () => {
    const frame = envelopeFrame(ENVELOPE);
    expect(reason(() => parseEnvelopeFrame({ ...frame, id: 'r2' }))).toBe('tampered');
    expect(reason(() => parseEnvelopeFrame({ ...frame, type: 'blob' }))).toBe('tampered');
    expect(reason(() => parseEnvelopeFrame({ ...frame, bytes: utf8('{"id":"r1"}') }))).toBe('tampered');
    expect(reason(() => parseEnvelopeFrame({ ...frame, bytes: utf8('not json') }))).toBe('tampered');
    expect(reason(() => parseEnvelopeFrame({ ...frame, type: 'setting' }))).toBe('invalid-frame');
    expect(reason(() => envelopeFrame({ ...ENVELOPE, kind: 'keyring', profileId: '' }))).toBe(
      'invalid-frame',
    );
  });
});
