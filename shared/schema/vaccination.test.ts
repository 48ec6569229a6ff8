import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const hexavalent = EXAMPLE_RECORDS.vaccination;

describe('vaccination', () => {
  it('accepts a second dose of a hexavalent vaccine with lot and CVX code', () => {
    expect(parseRecord(hexavalent)).toEqual({ ok: true, value: hexavalent });
  });

  it('accepts an old vaccination copied from a paper record, without lot', () => {
    const bcg = { kind: 'vaccination', schemaVersion: 1, vaccine: 'BCG', date: '1987-03-12' };
    expect(parseRecord(bcg)).toEqual({ ok: true, value: bcg });
  });

  it('accepts an ATC code for a vaccine', () => {
    const flu = {
      ...hexavalent,
      vaccine: 'Vaxigrip Tetra',
      code: { system: 'http://www.whocc.no/atc', code: 'J07BB02' },
    };
    expect(parseRecord(flu).ok).toBe(true);
  });

  it('rejects a next due date before the vaccination date', () => {
    expect(recordIssues({ ...hexavalent, nextDue: '2024-05-01' })).toEqual([
      { path: 'nextDue', message: 'Next due date must not be before the vaccination date' },
    ]);
  });

  it('rejects a dose number that is not a positive whole number', () => {
    expect(recordIssues({ ...hexavalent, doseNumber: 0 })).toEqual([
      { path: 'doseNumber', message: 'Dose number must be between 1 and 20' },
    ]);
    expect(recordIssues({ ...hexavalent, doseNumber: 1.5 })).toEqual([
      { path: 'doseNumber', message: 'Dose number must be a whole number' },
    ]);
  });

  it('requires the vaccine and the date', () => {
    const { vaccine: _v, date: _d, ...rest } = hexavalent;
    expect(recordIssues(rest)).toEqual([
      { path: 'vaccine', message: 'Vaccine is required' },
      { path: 'date', message: 'Date is required' },
    ]);
  });

  it('rejects a CVX code with letters', () => {
    expect(
      recordIssues({ ...hexavalent, code: { system: 'http://hl7.org/fhir/sid/cvx', code: 'DTaP' } }),
    ).toEqual([{ path: 'code.code', message: 'Code must be in CVX form, such as 140' }]);
  });
});
