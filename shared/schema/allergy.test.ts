import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const penicillin = EXAMPLE_RECORDS.allergy;

describe('allergy', () => {
  it('accepts a severe penicillin allergy with urticaria', () => {
    expect(parseRecord(penicillin)).toEqual({ ok: true, value: penicillin });
  });

  it('accepts a food intolerance in free text, without code, onset or reactions', () => {
    const lactose = {
      kind: 'allergy',
      schemaVersion: 1,
      substance: 'Lactose',
      category: 'food',
      type: 'intolerance',
      reactions: [],
      severity: 'mild',
      criticality: 'low',
      status: 'active',
    };
    expect(parseRecord(lactose)).toEqual({ ok: true, value: lactose });
  });

  it('trims free text', () => {
    const result = parseRecord({ ...penicillin, substance: '  Pénicilline  ' });
    expect(result.ok && result.value.kind === 'allergy' && result.value.substance).toBe('Pénicilline');
  });

  it('rejects an unknown severity with the allowed values', () => {
    expect(recordIssues({ ...penicillin, severity: 'very bad' })).toEqual([
      { path: 'severity', message: 'Severity must be one of: mild, moderate, severe' },
    ]);
  });

  it('rejects an empty reaction at its index', () => {
    expect(recordIssues({ ...penicillin, reactions: ['Urticaire', '   '] })).toEqual([
      { path: 'reactions.1', message: 'Reaction must not be empty' },
    ]);
  });

  it('rejects a date that does not exist', () => {
    expect(recordIssues({ ...penicillin, onsetDate: '2023-02-29' })).toEqual([
      { path: 'onsetDate', message: 'Onset date must be a real date in the form YYYY-MM-DD' },
    ]);
  });

  it('reports a missing substance as required', () => {
    const { substance: _, ...withoutSubstance } = penicillin;
    expect(recordIssues(withoutSubstance)).toEqual([{ path: 'substance', message: 'Substance is required' }]);
  });

  it('accepts only SNOMED CT codes, in SNOMED CT form', () => {
    expect(recordIssues({ ...penicillin, code: { system: 'http://loinc.org', code: '718-7' } })).toEqual([
      { path: 'code.system', message: 'Code system must be one of: http://snomed.info/sct' },
    ]);
    expect(
      recordIssues({ ...penicillin, code: { system: 'http://snomed.info/sct', code: 'penicillin' } }),
    ).toEqual([{ path: 'code.code', message: 'Code must be in SNOMED CT form, such as 91936005' }]);
  });

  it('rejects unknown criticality, category and status values', () => {
    const issues = recordIssues({
      ...penicillin,
      criticality: 'medium',
      category: 'drug',
      status: 'current',
    });
    expect(issues).toEqual([
      {
        path: 'category',
        message: 'Category must be one of: food, medication, environment, biologic, latex, other',
      },
      { path: 'criticality', message: 'Criticality must be one of: low, high, unable-to-assess' },
      { path: 'status', message: 'Status must be one of: active, inactive, resolved' },
    ]);
  });

  it('rejects a field the schema does not know', () => {
    expect(recordIssues({ ...penicillin, reaction: 'urticaria' })).toEqual([
      { path: 'reaction', message: 'Unknown field "reaction" is not allowed here' },
    ]);
  });
});
