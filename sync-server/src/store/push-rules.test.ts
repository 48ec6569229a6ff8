import { describe, expect, it } from 'vitest';
import { create, envelope, profileEnvelope, update } from '../testing/envelopes.ts';
import { ProfileLimitError } from './errors.ts';
import { checkProfileLimit, decideRow, planPush } from './push-rules.ts';

describe('decideRow', () => {
  const master = envelope('a', 3);

  it('writes a document the server does not have, with or without an assumed state', () => {
    expect(decideRow(undefined, create(envelope('a')))).toBe('write');
    expect(decideRow(undefined, update(master))).toBe('write');
  });

  it('writes when the assumed rev is the master rev, whatever the ciphertexts', () => {
    const reencrypted = { ...master, nonce: 'b3RoZXI', ciphertext: 'b3RoZXI' };
    expect(decideRow(master, update(reencrypted))).toBe('write');
  });

  it('reports a conflict for a stale or missing assumed state', () => {
    expect(decideRow(master, update(envelope('a', 2)))).toBe('conflict');
    expect(decideRow(master, create(envelope('a', 9)))).toBe('conflict');
  });

  it('reports a conflict for a move to another profile or kind', () => {
    expect(decideRow(master, update(master, { profileId: 'other' }))).toBe('conflict');
    expect(decideRow(master, update(master, { kind: 'blob' }))).toBe('conflict');
  });

  it('recognizes a retried write as already done, even when its assumed state is now stale', () => {
    const row = update(envelope('a', 2));
    const stored = { ...row.newDocumentState, updatedAt: 123 };
    expect(decideRow(stored, row)).toBe('unchanged');
    expect(decideRow(stored, create(row.newDocumentState))).toBe('unchanged');
    // Same rev but another write (another nonce): not the same state.
    expect(decideRow(stored, update(envelope('a', 2)))).toBe('conflict');
  });
});

describe('planPush', () => {
  it('stamps writes with the server time and counts the change in live profiles', () => {
    const live = profileEnvelope('p1');
    const masters = new Map([[live.id, live]]);
    const plan = planPush(
      masters,
      [
        update(live, { _deleted: true }),
        create(profileEnvelope('p2')),
        create(profileEnvelope('p3')),
        create(envelope('r')),
      ],
      777,
    );
    expect(plan.writes.map((d) => [d.id, d.updatedAt])).toEqual([
      ['p1', 777],
      ['p2', 777],
      ['p3', 777],
      ['r', 777],
    ]);
    expect(plan.profileDelta).toBe(1);
    expect(plan.conflicts).toEqual([]);
  });

  it('returns the master of each conflicting row', () => {
    const master = envelope('a', 2);
    const plan = planPush(new Map([[master.id, master]]), [create(envelope('a'))], 1);
    expect(plan).toEqual({ writes: [], conflicts: [master], profileDelta: 0 });
  });

  it('refuses two writes to one document', () => {
    expect(() => planPush(new Map(), [create(envelope('a')), create(envelope('a'))], 1)).toThrow();
  });
});

describe('checkProfileLimit', () => {
  it('refuses to go past six live profiles, and never refuses a push that adds none', () => {
    expect(() => checkProfileLimit(5, 1)).not.toThrow();
    expect(() => checkProfileLimit(6, 1)).toThrow(ProfileLimitError);
    expect(() => checkProfileLimit(3, 4)).toThrow(ProfileLimitError);
    expect(() => checkProfileLimit(7, 0)).not.toThrow();
    expect(() => checkProfileLimit(7, -1)).not.toThrow();
  });
});
