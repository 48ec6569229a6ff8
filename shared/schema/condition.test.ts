import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const asthma = EXAMPLE_RECORDS.condition;

describe('condition', () => {
  it('accepts asthma with an ICD-10 code', () => {
    expect(parseRecord(asthma)).toEqual({ ok: true, value: asthma });
  });

  it('accepts a critical condition coded in SNOMED CT, and a resolved one without dates', () => {
    const diabetes = {
      ...asthma,
      name: 'Diabète de type 1',
      critical: true,
      code: { system: 'http://snomed.info/sct', code: '46635009' },
    };
    const resolved = {
      kind: 'condition',
      schemaVersion: 1,
      name: 'Appendicite',
      clinicalStatus: 'resolved',
      critical: false,
    };
    expect(parseRecord(diabetes).ok).toBe(true);
    expect(parseRecord(resolved).ok).toBe(true);
  });

  it('rejects an unknown clinical status', () => {
    expect(recordIssues({ ...asthma, clinicalStatus: 'cured' })).toEqual([
      {
        path: 'clinicalStatus',
        message: 'Clinical status must be one of: active, recurrence, relapse, inactive, remission, resolved',
      },
    ]);
  });

  it('rejects an abatement date before the onset date', () => {
    expect(recordIssues({ ...asthma, clinicalStatus: 'remission', abatementDate: '2014-01-01' })).toEqual([
      { path: 'abatementDate', message: 'Abatement date must not be before onset date' },
    ]);
  });

  it('rejects a non-boolean critical flag', () => {
    expect(recordIssues({ ...asthma, critical: 'yes' })).toEqual([
      { path: 'critical', message: 'Critical must be true or false' },
    ]);
  });

  it('rejects an ICD-10 code that is not in ICD-10 form', () => {
    expect(
      recordIssues({ ...asthma, code: { system: 'http://hl7.org/fhir/sid/icd-10', code: 'asthme' } }),
    ).toEqual([{ path: 'code.code', message: 'Code must be in ICD-10 form, such as J45.9' }]);
  });
});
