import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const appendectomy = EXAMPLE_RECORDS.procedure;

describe('procedure', () => {
  it('accepts an appendectomy coded in SNOMED CT, and an undated one in free text', () => {
    expect(parseRecord(appendectomy)).toEqual({ ok: true, value: appendectomy });
    const tonsils = { kind: 'procedure', schemaVersion: 1, name: 'Amygdales', status: 'completed' };
    expect(parseRecord(tonsils)).toEqual({ ok: true, value: tonsils });
  });

  it('rejects an unknown status and a code outside SNOMED CT', () => {
    expect(
      recordIssues({ ...appendectomy, status: 'done', code: { system: 'http://loinc.org', code: '1-8' } }),
    ).toEqual([
      {
        path: 'status',
        message: 'Status must be one of: completed, in-progress, stopped, not-done, unknown',
      },
      { path: 'code.system', message: 'Code system must be one of: http://snomed.info/sct' },
    ]);
  });

  it('reports a missing name as required', () => {
    const { name: _, ...withoutName } = appendectomy;
    expect(recordIssues(withoutName)).toEqual([{ path: 'name', message: 'Procedure is required' }]);
  });
});
