import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const father = EXAMPLE_RECORDS['family-history'];

describe('family history', () => {
  it('accepts a father’s heart attack at 52, and a condition alone', () => {
    expect(parseRecord(father)).toEqual({ ok: true, value: father });
    const aunt = {
      kind: 'family-history',
      schemaVersion: 1,
      relationship: 'aunt',
      condition: 'Cancer du sein',
    };
    expect(parseRecord(aunt)).toEqual({ ok: true, value: aunt });
  });

  it('rejects an unknown relative and an impossible age', () => {
    expect(recordIssues({ ...father, relationship: 'neighbour', onsetAge: 200 })).toEqual([
      {
        path: 'relationship',
        message:
          'Relative must be one of: mother, father, sister, brother, daughter, son, grandmother, grandfather, aunt, uncle, cousin, other',
      },
      { path: 'onsetAge', message: 'Age at onset must be between 0 and 130' },
    ]);
  });
});
