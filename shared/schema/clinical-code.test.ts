import { describe, expect, it } from 'vitest';
import { clinicalCodeSchema } from './clinical-code.ts';
import { parseWith } from './readable-issues.ts';
import { issuesOf } from './testing.ts';

describe('clinical code', () => {
  it.each([
    ['http://snomed.info/sct', '91936005'],
    ['http://loinc.org', '2345-7'],
    ['http://www.whocc.no/atc', 'J01CA04'],
    ['http://www.whocc.no/atc', 'J01'],
    ['http://hl7.org/fhir/sid/cvx', '140'],
    ['http://hl7.org/fhir/sid/icd-10', 'J45.9'],
    ['http://hl7.org/fhir/sid/icd-10', 'E1165'],
  ])('accepts %s %s', (system, code) => {
    expect(parseWith(clinicalCodeSchema, { system, code })).toEqual({ ok: true, value: { system, code } });
  });

  it('rejects an unknown system', () => {
    expect(
      issuesOf(clinicalCodeSchema, { system: 'urn:oid:2.16.840.1.113883.6.96', code: '91936005' }),
    ).toEqual([
      {
        path: 'system',
        message:
          'Code system must be one of: http://snomed.info/sct, http://loinc.org, http://www.whocc.no/atc, http://hl7.org/fhir/sid/cvx, http://hl7.org/fhir/sid/icd-10',
      },
    ]);
  });

  it('requires the code itself', () => {
    expect(issuesOf(clinicalCodeSchema, { system: 'http://loinc.org', display: 'Glucose' })).toEqual([
      { path: 'code', message: 'Code is required' },
    ]);
  });

  it('rejects a code given as a bare string', () => {
    expect(issuesOf(clinicalCodeSchema, '718-7')).toEqual([
      { path: '', message: 'Code must have a system and a code' },
    ]);
  });
});
