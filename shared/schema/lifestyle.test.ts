import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const lifestyle = EXAMPLE_RECORDS.lifestyle;

describe('lifestyle', () => {
  it('accepts a former smoker with alcohol, diet and activity', () => {
    expect(parseRecord(lifestyle)).toEqual({ ok: true, value: lifestyle });
  });

  it('accepts a single item, such as smoking status alone', () => {
    const record = {
      kind: 'lifestyle',
      schemaVersion: 1,
      recordedOn: '2025-02-01',
      smoking: { status: 'never' },
    };
    expect(parseRecord(record)).toEqual({ ok: true, value: record });
  });

  it('rejects packs per day for someone who never smoked', () => {
    expect(recordIssues({ ...lifestyle, smoking: { status: 'never', packsPerDay: 1 } })).toEqual([
      {
        path: 'smoking.packsPerDay',
        message: 'Packs per day must be left empty for someone who never smoked',
      },
    ]);
  });

  it('rejects an entry with nothing recorded', () => {
    expect(recordIssues({ kind: 'lifestyle', schemaVersion: 1, recordedOn: '2025-02-01' })).toEqual([
      { path: '', message: 'Record at least one of smoking, alcohol, diet or physical activity' },
    ]);
  });

  it('rejects more activity minutes than a week holds', () => {
    expect(recordIssues({ ...lifestyle, activityMinutesPerWeek: 20_000 })).toEqual([
      {
        path: 'activityMinutesPerWeek',
        message: 'Physical activity minutes per week must be between 0 and 10080',
      },
    ]);
  });

  it('rejects an unknown smoking status and negative alcohol', () => {
    expect(
      recordIssues({ ...lifestyle, smoking: { status: 'occasional' }, alcoholUnitsPerWeek: -2 }),
    ).toEqual([
      { path: 'smoking.status', message: 'Smoking status must be one of: never, former, current' },
      { path: 'alcoholUnitsPerWeek', message: 'Alcohol units per week must be between 0 and 500' },
    ]);
  });
});
