import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord, RECORD_KINDS } from './record.ts';
import { recordIssues } from './testing.ts';

describe('record', () => {
  it('knows the eighteen clinical kinds, the exercise session log and the emergency profile', () => {
    expect([...RECORD_KINDS].sort()).toEqual([
      'administrative',
      'advance-directive',
      'allergy',
      'condition',
      'consultation',
      'device',
      'document',
      'emergency-contact',
      'emergency-profile',
      'exercise-session',
      'family-history',
      'lab-result',
      'lifestyle',
      'measurement',
      'medication',
      'note',
      'practitioner-entry',
      'pregnancy',
      'procedure',
      'vaccination',
    ]);
  });

  it.each(RECORD_KINDS)('accepts the example %s record', (kind) => {
    const example = EXAMPLE_RECORDS[kind];
    expect(example.kind).toBe(kind);
    expect(parseRecord(example)).toEqual({ ok: true, value: example });
  });

  it('rejects an unknown kind, naming the known ones', () => {
    expect(recordIssues({ kind: 'hiv-test', schemaVersion: 1 })).toEqual([
      { path: 'kind', message: `Record kind must be one of: ${RECORD_KINDS.join(', ')}` },
    ]);
  });

  it('rejects a record without kind', () => {
    const { kind: _, ...withoutKind } = EXAMPLE_RECORDS.note;
    expect(recordIssues(withoutKind)).toEqual([
      { path: 'kind', message: `Record kind must be one of: ${RECORD_KINDS.join(', ')}` },
    ]);
  });

  it.each([null, 'allergy', 42, []])('rejects %j as not a record', (input) => {
    expect(recordIssues(input)).toEqual([{ path: '', message: 'A record must be an object' }]);
  });

  it('rejects another schema version', () => {
    expect(recordIssues({ ...EXAMPLE_RECORDS.allergy, schemaVersion: 2 })).toEqual([
      { path: 'schemaVersion', message: 'Schema version must be 1' },
    ]);
  });

  it('reports every problem at once: fields in schema order, then unknown fields', () => {
    expect(
      recordIssues({
        ...EXAMPLE_RECORDS.medication,
        extra: 1,
        name: '',
        route: 'nasal',
        stopDate: '2025-02-30',
      }),
    ).toEqual([
      { path: 'name', message: 'Medication name must not be empty' },
      {
        path: 'route',
        message:
          'Route must be one of: oral, iv, im, sc, inhaled, topical, rectal, sublingual, transdermal, other',
      },
      { path: 'stopDate', message: 'Stop date must be a real date in the form YYYY-MM-DD' },
      { path: 'extra', message: 'Unknown field "extra" is not allowed here' },
    ]);
  });
});
