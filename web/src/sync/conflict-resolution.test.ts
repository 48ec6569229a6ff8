import { describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import { isConflictCopy, withoutConflictCopies } from './conflict-copy.ts';
import { differingFields, mergeByField, planResolution } from './conflict-resolution.ts';

const kept = {
  kind: 'allergy',
  schemaVersion: 1,
  substance: 'Penicillin',
  severity: 'moderate',
  reactions: ['Swelling'],
  category: 'medication',
  criticality: 'unable-to-assess',
} as ClinicalRecord;
const copy = {
  kind: 'allergy',
  schemaVersion: 1,
  substance: 'Penicillin',
  severity: 'severe',
  reactions: ['Itching'],
  category: 'medication',
  criticality: 'unable-to-assess',
  note: 'Seen at the ER',
} as ClinicalRecord;

describe('resolving a conflicting copy', () => {
  it('lists the fields that differ, a field present on one side only included', () => {
    expect(differingFields(kept, copy)).toEqual(['note', 'reactions', 'severity']);
    expect(differingFields(kept, kept)).toEqual([]);
  });

  it('keeps the kept version: nothing written, the copy removed', () => {
    expect(planResolution(kept, copy, { choice: 'keep-kept' })).toEqual({ removeCopy: true });
  });

  it("keeps the copy's version: written over the kept record", () => {
    expect(planResolution(kept, copy, { choice: 'keep-copy' })).toEqual({
      replaceKept: copy,
      removeCopy: true,
    });
    expect(planResolution(kept, kept, { choice: 'keep-copy' })).toEqual({ removeCopy: true });
  });

  it('keeps both: the copy becomes a new ordinary record', () => {
    expect(planResolution(kept, copy, { choice: 'keep-both' })).toEqual({
      addRecord: copy,
      removeCopy: true,
    });
  });

  it('merges field by field: each differing field from the side picked, the kept side by default', () => {
    const merged = mergeByField(kept, copy, { severity: 'copy', note: 'copy' });
    expect(merged).toEqual({ ...kept, severity: 'severe', note: 'Seen at the ER' });
    expect(planResolution(kept, copy, { choice: 'merge', picks: { reactions: 'copy' } })).toEqual({
      replaceKept: { ...kept, reactions: ['Itching'] },
      removeCopy: true,
    });
    // A field only the kept side has is removed when the copy's side (without it) is picked.
    expect(mergeByField(copy, kept, { note: 'copy' })).not.toHaveProperty('note');
    // Every pick on the kept side changes nothing.
    expect(planResolution(kept, copy, { choice: 'merge', picks: { severity: 'kept' } })).toEqual({
      removeCopy: true,
    });
  });

  it('never merges records of different kinds', () => {
    const note = { kind: 'note', schemaVersion: 1, title: 'x', body: 'y' } as ClinicalRecord;
    expect(mergeByField(kept, note, { title: 'copy' })).toBe(kept);
  });
});

describe('what may be published', () => {
  it('leaves the unresolved conflicting copies out, and keeps everything else', () => {
    const entries = [{ id: 'a1' }, { id: 'cc-AAAAAAAAAAAA-a1' }, { id: 'b2' }];
    expect(isConflictCopy('cc-AAAAAAAAAAAA-a1')).toBe(true);
    expect(withoutConflictCopies(entries).map((e) => e.id)).toEqual(['a1', 'b2']);
  });
});
