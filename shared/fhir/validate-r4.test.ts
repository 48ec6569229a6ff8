import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import type { ClinicalRecord } from '../schema/record.ts';
import { BROKEN_RESOURCES } from './broken-resources.ts';
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
  locale: 'en',
};
const NOW = '2025-03-14T10:00:00+01:00';
const records = Object.entries(EXAMPLE_RECORDS).map(([kind, record]) => ({
  id: kind,
  record: record as ClinicalRecord,
}));

beforeAll(loadDefinitionsFromPackage, 60_000);

describe('validateR4 rejects broken resources with readable reasons', () => {
  it.each(BROKEN_RESOURCES)('%s', (_, resource, issues) => {
    expect(validateR4(resource as never)).toEqual(issues);
  });
});

describe('checkIps', () => {
  const bundle = exportIps({ profile: PROFILE, records, bundleId: 'c', now: NOW });

  it('passes every export, whatever sections are chosen', () => {
    for (const sections of [undefined, [], ['immunizations'], ['documents', 'notes']] as const) {
      const chosen = exportIps({
        profile: PROFILE,
        records,
        bundleId: 'c',
        now: NOW,
        sections: sections as never,
      });
      expect(checkIps(chosen)).toEqual([]);
      expect(validateR4(chosen)).toEqual([]);
    }
  });

  it('reports a Composition that is not first, a missing required section and a dangling reference', () => {
    const broken = structuredClone(bundle);
    const [composition, patient, ...rest] = broken.entry ?? [];
    if (composition?.resource?.resourceType !== 'Composition' || !patient)
      throw new Error('unexpected shape');
    expect(checkIps({ ...broken, entry: [patient, composition, ...rest] })).toEqual([
      { path: 'Bundle.entry[0]', message: 'The first entry of a document must be its Composition' },
    ]);
    composition.resource.section = composition.resource.section?.filter(
      (s) => s.code?.coding?.[0]?.code !== '48765-2',
    );
    broken.entry = [composition, patient, ...rest.filter((e) => e.resource?.resourceType !== 'Immunization')];
    expect(checkIps(broken)).toEqual([
      {
        path: 'Bundle.entry[0].resource.section',
        message: 'The required section with LOINC 48765-2 is missing',
      },
      expect.objectContaining({
        message: expect.stringMatching(/^Reference "urn:uuid:.*" does not resolve inside the Bundle$/),
      }),
    ]);
  });
});
