/** Modules made at build time by the plugins in `scripts/` (see vite.config.ts). */
declare module 'virtual:fhir-r4-definitions' {
  import type { Bundle } from '@medplum/fhirtypes';
  /** The R4 data types, trimmed to what validation reads. */
  export const types: Bundle;
  /** Every R4 resource's StructureDefinition, trimmed the same way. */
  export const resources: Bundle;
}
