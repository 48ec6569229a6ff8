import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKEN_RESOURCES } from '../../../../shared/fhir/broken-resources.ts';
import { exportIps } from '../../../../shared/fhir/index.ts';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { loadFhirValidator } from './fhir-validator.ts';

// The app validates with the trimmed definitions (virtual:fhir-r4-definitions); these are the
// verdicts `shared/fhir/validate-r4.test.ts` gets with the full 37 MB set.
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../shared/fhir/fixtures/${name}`, import.meta.url), 'utf8'));

describe('the trimmed R4 definitions validate as the full set does', () => {
  it('accepts the HL7 IPS examples and an export of every kind', async () => {
    const validate = await loadFhirValidator();
    expect(validate(fixture('ips-bundle-minimal.json'))).toEqual([]);
    // The all-sections example has Compositions without a narrative div: the only issues, tolerated on import.
    expect(validate(fixture('ips-bundle-all-sections.json')).every((i) => i.path.endsWith('.text.div'))).toBe(
      true,
    );
    const bundle = exportIps({
      profile: {
        schemaVersion: 1,
        displayName: 'Camille Martin',
        relationship: 'self',
        dateOfBirth: '1984-06-02',
        sex: 'female',
        locale: 'fr',
      },
      records: Object.entries(EXAMPLE_RECORDS).map(([id, record]) => ({
        id,
        record: record as ClinicalRecord,
      })),
      bundleId: 'trim',
      now: '2025-03-14T10:00:00+01:00',
    });
    expect(validate(bundle)).toEqual([]);
  });

  it.each([
    ...BROKEN_RESOURCES,
    [
      'a resource Carnet does not map (still validated)',
      { resourceType: 'AdverseEvent', actuality: 'actual', subject: { reference: 'Patient/1' }, colour: 1 },
      [{ path: 'AdverseEvent.colour', message: 'Invalid additional property "colour"' }],
    ],
  ])('refuses %s', async (_, resource, issues) => {
    const validate = await loadFhirValidator();
    expect(validate(resource as never)).toEqual(issues);
  });
});
