import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const pregnant = EXAMPLE_RECORDS.pregnancy;

describe('pregnancy', () => {
  it('accepts a pregnancy with its due date and past outcomes, and outcomes alone', () => {
    expect(parseRecord(pregnant)).toEqual({ ok: true, value: pregnant });
    const history = { kind: 'pregnancy', schemaVersion: 1, recordedOn: '2024-01-01', liveBirths: 2 };
    expect(parseRecord(history)).toEqual({ ok: true, value: history });
  });

  it('rejects a statement with nothing in it', () => {
    expect(recordIssues({ kind: 'pregnancy', schemaVersion: 1, recordedOn: '2024-01-01' })).toEqual([
      { path: '', message: 'Record at least a status, an expected delivery date or an outcome' },
    ]);
  });

  it('rejects a due date when not pregnant, and a negative count', () => {
    expect(recordIssues({ ...pregnant, miscarriages: -1 })).toEqual([
      { path: 'miscarriages', message: 'Miscarriages must be between 0 and 30' },
    ]);
    expect(recordIssues({ ...pregnant, status: 'not-pregnant' })).toEqual([
      {
        path: 'expectedDeliveryDate',
        message: 'Expected delivery date must be left empty when not pregnant',
      },
    ]);
  });
});
