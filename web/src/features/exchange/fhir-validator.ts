/**
 * The FHIR R4 validator for imports, loaded on first use: `@medplum/core` and the trimmed R4
 * definitions are in chunks of their own (about 1 MB and 3.4 MB), so the app's first load never
 * carries them. Both are precached with the app, so an import works offline.
 */
import type { Validate } from '../../../../shared/fhir/index.ts';

let pending: Promise<Validate> | undefined;

export function loadFhirValidator(): Promise<Validate> {
  pending ??= Promise.all([
    import('../../../../shared/fhir/validate-r4.ts'),
    import('virtual:fhir-r4-definitions'),
  ]).then(([validator, definitions]) => {
    validator.loadR4Definitions(definitions.types, definitions.resources);
    return validator.validateR4;
  });
  // A failed load (an app update removed the chunk) may be retried.
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
