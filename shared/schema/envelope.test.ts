import { describe, expect, it } from 'vitest';
import { envelopeSchema, MAX_CIPHERTEXT_LENGTH } from './envelope.ts';
import { parseWith } from './readable-issues.ts';
import { issuesOf } from './testing.ts';

const envelope = {
  id: 'rec_01HQ7ZC3M8V2',
  profileId: 'prf_lea',
  kind: 'record',
  rev: 3,
  updatedAt: 1_741_939_200_000,
  _deleted: false,
  keyId: 'q2mHh1Jm0bJ2kC5s',
  schemaVersion: 1,
  nonce: 'Hs1Y0bT3WQ6mW8m4y2ZtYk1S0xP9cB7d',
  ciphertext: 'y3Jp9dJ0tQ8nX2zLmB7vR1cK4wE6hG5a',
};

describe('envelope', () => {
  it('accepts a record envelope', () => {
    expect(parseWith(envelopeSchema, envelope)).toEqual({ ok: true, value: envelope });
  });

  it('accepts an account-level keyring with an empty profile id, and a signed entry', () => {
    expect(
      parseWith(envelopeSchema, { ...envelope, kind: 'keyring', profileId: '', rev: 1, updatedAt: 0 }).ok,
    ).toBe(true);
    const signed = { ...envelope, author: 'A'.repeat(43), sig: 'B'.repeat(86) };
    expect(parseWith(envelopeSchema, signed).ok).toBe(true);
  });

  it('rejects any plaintext field beyond the closed list', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, recordKind: 'lab-result' })).toEqual([
      { path: 'recordKind', message: 'Unknown field "recordKind" is not allowed here' },
    ]);
  });

  it.each(['rec/01', 'rec 01', '', 'r'.repeat(65)])('rejects the id %j', (id) => {
    expect(issuesOf(envelopeSchema, { ...envelope, id })).toEqual([
      { path: 'id', message: 'Id must be 1 to 64 letters, digits, dashes or underscores' },
    ]);
  });

  it('rejects a negative, zero or fractional rev', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, rev: -1 })).toEqual([
      { path: 'rev', message: 'Revision must be at least 1' },
    ]);
    expect(issuesOf(envelopeSchema, { ...envelope, rev: 0 })).toEqual([
      { path: 'rev', message: 'Revision must be at least 1' },
    ]);
    expect(issuesOf(envelopeSchema, { ...envelope, rev: 1.5 })).toEqual([
      { path: 'rev', message: 'Revision must be a whole number' },
    ]);
  });

  it('rejects an unknown envelope kind, such as a clinical one', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, kind: 'allergy' })).toEqual([
      { path: 'kind', message: 'Kind must be one of: record, blob, keyring, profile' },
    ]);
  });

  it('rejects padded or standard base64', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, nonce: 'Hs1Y0bT3WQ6mW8m4y2ZtYk1S0xP9cB7=' })).toEqual([
      { path: 'nonce', message: 'Nonce must be base64url without padding' },
    ]);
    expect(issuesOf(envelopeSchema, { ...envelope, ciphertext: 'y3Jp+dJ0/Q8n' })).toEqual([
      { path: 'ciphertext', message: 'Ciphertext must be base64url without padding' },
    ]);
  });

  it('caps the ciphertext length', () => {
    expect(parseWith(envelopeSchema, { ...envelope, ciphertext: 'A'.repeat(MAX_CIPHERTEXT_LENGTH) }).ok).toBe(
      true,
    );
    expect(
      issuesOf(envelopeSchema, { ...envelope, ciphertext: 'A'.repeat(MAX_CIPHERTEXT_LENGTH + 4) }),
    ).toEqual([
      { path: 'ciphertext', message: `Ciphertext must be at most ${MAX_CIPHERTEXT_LENGTH} characters` },
    ]);
  });

  it('rejects an author without a signature', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, author: 'A'.repeat(43) })).toEqual([
      { path: 'sig', message: 'Author and signature must be given together' },
    ]);
  });

  it('rejects a record that belongs to no profile', () => {
    expect(issuesOf(envelopeSchema, { ...envelope, profileId: '' })).toEqual([
      { path: 'profileId', message: 'Records and blobs must belong to a profile' },
    ]);
  });

  it('rejects a negative update time and a missing deleted flag', () => {
    const { _deleted: _, ...withoutFlag } = envelope;
    expect(issuesOf(envelopeSchema, { ...withoutFlag, updatedAt: -1 })).toEqual([
      { path: 'updatedAt', message: 'Update time must not be negative' },
      { path: '_deleted', message: 'Deleted flag is required' },
    ]);
  });
});
