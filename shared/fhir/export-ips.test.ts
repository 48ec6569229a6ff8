import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import type { ClinicalRecord } from '../schema/record.ts';
import { exportIps } from './export-ips.ts';
import { checkIps } from './ips-checks.ts';
import { loadDefinitionsFromPackage } from './testing.ts';
import { validateR4 } from './validate-r4.ts';

const PROFILE: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-06-02',
  sex: 'female',
  locale: 'fr',
};

const ALL = Object.entries(EXAMPLE_RECORDS).map(([kind, record], i) => ({
  id: `rec_${i}-${kind}`,
  record: record as ClinicalRecord,
}));

beforeAll(loadDefinitionsFromPackage, 60_000);

describe('exportIps', () => {
  it('exports every example kind as a valid IPS document', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: ALL,
      bundleId: 'b1',
      now: '2025-03-14T10:00:00+01:00',
    });
    expect(checkIps(bundle)).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
  });

  it('exports an empty profile with the three required sections saying "no information"', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [],
      bundleId: 'b2',
      now: '2025-03-14T10:00:00+01:00',
    });
    expect(checkIps(bundle)).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
  });
});
