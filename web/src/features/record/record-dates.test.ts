import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { clinicalDate, groupByMonth, sortByClinicalDate } from './record-dates.ts';

function entry(id: string, record: ClinicalRecord | null, updatedAt = 0): RecordEntry {
  return {
    id,
    profileId: 'p',
    rev: 1,
    updatedAt,
    record,
    ...(record ? {} : { problem: 'tampered' as const }),
  };
}

describe('clinicalDate', () => {
  it('uses the date that matters clinically for each kind', () => {
    expect(clinicalDate(EXAMPLE_RECORDS.allergy)).toBe('2009-06-14');
    expect(clinicalDate(EXAMPLE_RECORDS.condition)).toBe('2015-09-01');
    expect(clinicalDate(EXAMPLE_RECORDS.medication)).toBe('2025-03-10');
    expect(clinicalDate(EXAMPLE_RECORDS.vaccination)).toBe('2024-05-02');
    expect(clinicalDate(EXAMPLE_RECORDS['lab-result'])).toBe('2025-01-20');
    expect(clinicalDate(EXAMPLE_RECORDS.measurement)).toBe('2025-03-14T08:15:00+01:00');
    expect(clinicalDate(EXAMPLE_RECORDS.document)).toBe('2025-03-10');
    expect(clinicalDate(EXAMPLE_RECORDS.lifestyle)).toBe('2025-02-01');
    expect(clinicalDate(EXAMPLE_RECORDS['practitioner-entry'])).toBe('2025-03-10T10:42:00+01:00');
    expect(clinicalDate(EXAMPLE_RECORDS.consultation)).toBe('2025-03-14T09:00:00+01:00');
  });

  it('has none for kinds without one, and for an allergy of unknown onset', () => {
    expect(clinicalDate(EXAMPLE_RECORDS.note)).toBeUndefined();
    expect(clinicalDate(EXAMPLE_RECORDS.administrative)).toBeUndefined();
    expect(clinicalDate(EXAMPLE_RECORDS['emergency-contact'])).toBeUndefined();
    const { onsetDate: _, ...undated } = EXAMPLE_RECORDS.allergy;
    expect(clinicalDate(undated)).toBeUndefined();
  });
});

describe('sorting and grouping', () => {
  const entries = [
    entry('note', EXAMPLE_RECORDS.note, 5),
    entry('allergy', EXAMPLE_RECORDS.allergy),
    entry('bp', EXAMPLE_RECORDS.measurement),
    entry('consult', EXAMPLE_RECORDS.consultation),
    entry('broken', null, 9),
    entry('med', EXAMPLE_RECORDS.medication),
    entry('lab', EXAMPLE_RECORDS['lab-result']),
  ];

  it('puts the newest clinical date first, a day before its timed readings, undated entries last', () => {
    expect(sortByClinicalDate(entries).map((e) => e.id)).toEqual([
      'consult',
      'bp',
      'med',
      'lab',
      'allergy',
      'broken',
      'note',
    ]);
  });

  it('groups consecutive entries by month, undated in a last group', () => {
    const groups = groupByMonth(sortByClinicalDate(entries));
    expect(groups.map((g) => [g.month, g.entries.map((e) => e.id)])).toEqual([
      ['2025-03', ['consult', 'bp', 'med']],
      ['2025-01', ['lab']],
      ['2009-06', ['allergy']],
      [null, ['broken', 'note']],
    ]);
  });
});
