/** Modules made at build time by the plugins in `scripts/` (see vite.config.ts). */
declare module 'virtual:fhir-r4-definitions' {
  import type { Bundle } from '@medplum/fhirtypes';
  /** The R4 data types, trimmed to what validation reads. */
  export const types: Bundle;
  /** Every R4 resource's StructureDefinition, trimmed the same way. */
  export const resources: Bundle;
}

declare module 'virtual:first-screen-strings' {
  import type { Locale } from './i18n/locales.ts';
  import type { PartialDictionary } from './strings/dictionary.ts';
  /** The first screen's strings (strings/first-screen-keys.ts), nested as in the dictionaries. */
  export const firstScreen: Readonly<Record<Locale, PartialDictionary>>;
}
