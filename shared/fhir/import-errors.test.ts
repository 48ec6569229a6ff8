import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import { exportIps } from './export-ips.ts';
import { IMPORT_ERROR_REASONS, IMPORT_ERROR_TEXT } from './import-errors.ts';
import { importFhir } from './import-fhir.ts';
import { MAX_IMPORT_BYTES } from './parse-bundle.ts';
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
const options = { validate: validateR4, existing: [], today: '2025-03-14' };
const good = exportIps({
  profile: PROFILE,
  records: [{ id: 'a', record: EXAMPLE_RECORDS.allergy }],
  bundleId: 'e',
  now: '2025-03-14T10:00:00+01:00',
});

function reasonOf(input: string | Uint8Array) {
  const result = importFhir(input, options);
  return result.ok ? 'ok' : result.error.reason;
}

beforeAll(loadDefinitionsFromPackage, 60_000);

describe('importFhir refuses, with a reason and nothing half-done', () => {
  it.each([
    ['malformed JSON', '{"resourceType": "Bundle",', 'malformed-json'],
    ['JSON that is not FHIR', '{"name": "Camille"}', 'not-fhir'],
    ['an array', '[1, 2]', 'not-fhir'],
    ['a single resource', '{"resourceType": "Patient"}', 'not-a-bundle'],
    ['a transaction', '{"resourceType": "Bundle", "type": "transaction"}', 'unsupported-bundle-type'],
  ])('%s', (_, input, reason) => {
    expect(reasonOf(input)).toBe(reason);
  });

  it('a Bundle over 20 MB, counted in bytes', () => {
    const padding = 'é'.repeat(MAX_IMPORT_BYTES / 2);
    expect(reasonOf(`{"resourceType":"Bundle","type":"collection","id":"${padding}"}`)).toBe('too-large');
    expect(reasonOf(new Uint8Array(MAX_IMPORT_BYTES + 1))).toBe('too-large');
  });

  it('a resource with a field FHIR R4 does not define, naming where', () => {
    const bundle = structuredClone(good);
    Object.assign(bundle.entry?.[2]?.resource ?? {}, { severityLevel: 'high' });
    expect(bundle.entry?.[2]?.resource?.resourceType).toBe('Condition');
    const result = importFhir(JSON.stringify(bundle), options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('unknown-fields');
    expect(result.error.issues).toEqual([
      {
        path: 'Bundle.entry[2].resource.severityLevel',
        message: 'Invalid additional property "severityLevel"',
      },
    ]);
  });

  it('a resource that breaks R4 in another way', () => {
    const bundle = structuredClone(good);
    const allergy = bundle.entry?.find((e) => e.resource?.resourceType === 'AllergyIntolerance')?.resource;
    Object.assign(allergy ?? {}, { criticality: 42 });
    const result = importFhir(JSON.stringify(bundle), options);
    expect(result.ok ? 'ok' : result.error.reason).toBe('invalid-resource');
  });

  it('has a message key and both languages for every reason', () => {
    for (const reason of IMPORT_ERROR_REASONS) {
      const text = IMPORT_ERROR_TEXT[reason];
      expect(text.key).toMatch(/^fhirImport\.errors\.[a-zA-Z]+$/);
      expect(text.en).not.toBe('');
      expect(text.fr).not.toBe(text.en);
    }
  });

  it('accepts the same export untouched', () => {
    expect(reasonOf(JSON.stringify(good))).toBe('ok');
  });
});
