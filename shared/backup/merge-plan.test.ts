import { describe, expect, it } from 'vitest';
import { isBackupError } from './backup-error.ts';
import {
  decideMerge,
  type EnvelopeState,
  type MergeAction,
  type MergeWhy,
  planRestoreMerge,
} from './merge-plan.ts';

type Side = Partial<EnvelopeState> | undefined;

function state(over: Partial<EnvelopeState>): EnvelopeState {
  return { id: 'r1', kind: 'record', rev: 3, updatedAt: 100, deleted: false, nonce: 'n-a', ...over };
}

// [case, backup, vault, action, why]
const TABLE: [string, Partial<EnvelopeState>, Side, MergeAction, MergeWhy][] = [
  ['absent from the vault', {}, undefined, 'add', 'not-in-vault'],
  ['a tombstone absent from the vault', { deleted: true }, undefined, 'add', 'not-in-vault'],
  ['the same write', {}, {}, 'same', 'same-write'],
  ['the same write, stamped on one side only', { updatedAt: 0 }, {}, 'same', 'same-write'],
  ['vault newer (synced)', { rev: 2 }, {}, 'keep', 'vault-newer'],
  ['vault newer (unsynced edit on top)', { rev: 2 }, { updatedAt: 0, nonce: 'n-b' }, 'keep', 'vault-newer'],
  ['vault newer, backup unsynced', { rev: 2, updatedAt: 0 }, { nonce: 'n-b' }, 'keep', 'vault-newer'],
  ['vault deleted later', { rev: 2 }, { deleted: true, nonce: 'n-b' }, 'keep', 'vault-newer'],
  ['backup newer, vault copy synced', { rev: 4, nonce: 'n-b' }, {}, 'take-backup', 'backup-newer'],
  ['backup newer and unsynced, vault synced', { rev: 4, updatedAt: 0 }, {}, 'take-backup', 'backup-newer'],
  ['backup deleted later, vault synced', { rev: 4, deleted: true }, {}, 'take-backup', 'backup-newer'],
  [
    'backup newer over an unsynced vault write',
    { rev: 4, nonce: 'n-b' },
    { updatedAt: 0 },
    'conflict-copy',
    'unsynced-vault-write',
  ],
  ['same rev, different write', { nonce: 'n-b' }, {}, 'conflict-copy', 'same-rev-different-write'],
  [
    'same rev, different write, both unsynced',
    { nonce: 'n-b', updatedAt: 0 },
    { updatedAt: 0 },
    'conflict-copy',
    'same-rev-different-write',
  ],
  [
    'same rev, vault deleted, backup alive: the content comes back as a copy',
    { nonce: 'n-b' },
    { deleted: true },
    'conflict-copy',
    'same-rev-different-write',
  ],
  ['same rev, backup deleted, vault alive: the edit wins', { deleted: true }, {}, 'keep', 'backup-deleted'],
  [
    'backup tombstone newer over an unsynced vault edit',
    { rev: 4, deleted: true },
    { updatedAt: 0 },
    'keep',
    'backup-deleted',
  ],
  ['blob already there', { kind: 'blob', nonce: 'n-b' }, { kind: 'blob' }, 'keep', 'blob-immutable'],
  ['blob absent', { kind: 'blob' }, undefined, 'add', 'not-in-vault'],
  [
    'profile, same rev, different write',
    { kind: 'profile', nonce: 'n-b' },
    { kind: 'profile' },
    'conflict-copy',
    'same-rev-different-write',
  ],
];

describe('restore merge decisions', () => {
  it.each(TABLE)('%s', (_, backup, vault, action, why) => {
    const decision = decideMerge(state(backup), vault === undefined ? undefined : state(vault));
    expect([decision.action, decision.why]).toEqual([action, why]);
  });

  it('never replaces a vault copy except by a descendant of a synced one', () => {
    for (const [, backup, vault, action] of TABLE) {
      if (action !== 'take-backup' || vault === undefined) continue;
      const v = state(vault);
      expect(state(backup).rev).toBeGreaterThan(v.rev);
      expect(v.updatedAt).toBeGreaterThan(0);
    }
  });
});

describe('restore merge plan', () => {
  const profile = (id: string, over: Partial<EnvelopeState> = {}) => state({ id, kind: 'profile', ...over });

  it('counts actions and profiles after the merge', () => {
    const vault = [profile('a'), profile('b'), profile('gone', { deleted: true }), state({ id: 'r1' })];
    const backup = [
      profile('a'),
      profile('c'),
      profile('gone', { rev: 4 }), // a newer live copy of a profile this vault deleted
      state({ id: 'r1', rev: 2 }),
      state({ id: 'r2' }),
      state({ id: 'r1', kind: 'blob' }), // same id in another collection: not a duplicate
    ];
    const plan = planRestoreMerge(backup, vault);
    expect(plan.counts).toEqual({ add: 3, same: 1, keep: 1, 'take-backup': 1, 'conflict-copy': 0 });
    expect(plan.profilesAfter).toBe(4);
    expect(plan.profileLimitExceeded).toBe(false);
  });

  it('says when the merged vault would exceed the profile limit', () => {
    const vault = ['a', 'b', 'c', 'd', 'e'].map((id) => profile(id));
    const plan = planRestoreMerge([profile('f'), profile('g'), profile('h', { deleted: true })], vault);
    expect(plan.profilesAfter).toBe(7);
    expect(plan.profileLimitExceeded).toBe(true);
  });

  it('refuses a backup that lists an id twice in one collection', () => {
    let reason = '';
    try {
      planRestoreMerge([state({}), state({ rev: 4 })], []);
    } catch (error) {
      reason = isBackupError(error) ? error.reason : String(error);
    }
    expect(reason).toBe('tampered');
  });
});
