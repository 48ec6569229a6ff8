import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const admin = EXAMPLE_RECORDS.administrative;

describe('administrative', () => {
  it('accepts a French NIR, a mutuelle, an address and a GP', () => {
    expect(parseRecord(admin)).toEqual({ ok: true, value: admin });
  });

  it('accepts the minimum: blood type and organ donation both unknown', () => {
    const minimal = { kind: 'administrative', schemaVersion: 1, bloodType: 'unknown', organDonor: 'unknown' };
    expect(parseRecord(minimal)).toEqual({ ok: true, value: minimal });
  });

  it('rejects a blood type written out in words', () => {
    expect(recordIssues({ ...admin, bloodType: 'O positive' })).toEqual([
      { path: 'bloodType', message: 'Blood type must be one of: A+, A-, B+, B-, AB+, AB-, O+, O-, unknown' },
    ]);
  });

  it('rejects a GP phone number with letters', () => {
    expect(
      recordIssues({ ...admin, generalPractitioner: { name: 'Dr Dubois', phone: 'call the clinic' } }),
    ).toEqual([
      {
        path: 'generalPractitioner.phone',
        message: 'General practitioner phone may contain only digits, spaces, +, -, dots and parentheses',
      },
    ]);
  });

  it('rejects more than five addresses and an unknown address use', () => {
    const address = { use: 'home', text: '1 place Bellecour, Lyon' };
    expect(recordIssues({ ...admin, addresses: Array.from({ length: 6 }, () => address) })).toEqual([
      { path: 'addresses', message: 'Addresses may have at most 5 entries' },
    ]);
    expect(recordIssues({ ...admin, addresses: [{ use: 'holiday', text: 'Biarritz' }] })).toEqual([
      { path: 'addresses.0.use', message: 'Address use must be one of: home, work, other' },
    ]);
  });

  it('rejects an insurance number with symbols and an unknown organ donor choice', () => {
    expect(
      recordIssues({ ...admin, nationalHealthInsuranceNumber: '185#0578', organDonor: 'maybe' }),
    ).toEqual([
      {
        path: 'nationalHealthInsuranceNumber',
        message: 'National health insurance number may contain only letters, digits, spaces, dots and dashes',
      },
      { path: 'organDonor', message: 'Organ donor must be one of: yes, no, unknown' },
    ]);
  });

  it('requires a name for the complementary insurance', () => {
    expect(recordIssues({ ...admin, complementaryInsurance: { memberNumber: '42' } })).toEqual([
      { path: 'complementaryInsurance.name', message: 'Complementary insurance name is required' },
    ]);
  });
});
