import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const haemoglobin = EXAMPLE_RECORDS['lab-result'];

describe('lab result', () => {
  it('accepts a haemoglobin of 13.8 g/dL with LOINC code and reference range', () => {
    expect(parseRecord(haemoglobin)).toEqual({ ok: true, value: haemoglobin });
  });

  it('accepts a qualitative result without unit, and a range given as text', () => {
    const pcr = {
      kind: 'lab-result',
      schemaVersion: 1,
      testName: 'SARS-CoV-2 RNA (PCR)',
      code: { system: 'http://loinc.org', code: '94500-6' },
      value: 'négatif',
      referenceRange: { text: 'négatif' },
      date: '2024-12-02',
    };
    expect(parseRecord(pcr)).toEqual({ ok: true, value: pcr });
  });

  it('rejects a unit with spaces, pointing to UCUM', () => {
    expect(recordIssues({ ...haemoglobin, unit: 'g / dL' })).toEqual([
      { path: 'unit', message: 'Unit must be a UCUM unit code such as mmol/L or g/dL, without spaces' },
    ]);
  });

  it('rejects a reference range whose high value is below its low value', () => {
    expect(recordIssues({ ...haemoglobin, referenceRange: { low: 16, high: 12 } })).toEqual([
      { path: 'referenceRange.high', message: 'Reference range high value must not be below the low value' },
    ]);
  });

  it('rejects an empty reference range', () => {
    expect(recordIssues({ ...haemoglobin, referenceRange: {} })).toEqual([
      { path: 'referenceRange', message: 'Reference range needs a low value, a high value or a text' },
    ]);
  });

  it('rejects a value that is neither a number nor text', () => {
    expect(recordIssues({ ...haemoglobin, value: true })).toEqual([
      { path: 'value', message: 'Value must be a number or a text such as "positive"' },
    ]);
  });

  it('rejects an unknown interpretation', () => {
    expect(recordIssues({ ...haemoglobin, interpretation: 'abnormal' })).toEqual([
      { path: 'interpretation', message: 'Interpretation must be one of: low, normal, high, critical' },
    ]);
  });

  it('rejects a LOINC code without its check digit', () => {
    expect(recordIssues({ ...haemoglobin, code: { system: 'http://loinc.org', code: '7187' } })).toEqual([
      { path: 'code.code', message: 'Code must be in LOINC form, such as 2345-7' },
    ]);
  });
});
