/**
 * FHIR R4 / IPS export and import, pure. The validator lives in `validate-r4.ts` and is not
 * exported here, so importing this index never pulls @medplum/core into the app's initial code.
 */
export { SECTION_KEYS, SECTIONS, type SectionKey } from './codes.ts';
export { type ExportInput, type ExportRecord, exportIps } from './export-ips.ts';
export type { UnmappedReason } from './fhir-read.ts';
export type { ImportedFile } from './from-fhir-document.ts';
export {
  IMPORT_ERROR_REASONS,
  IMPORT_ERROR_TEXT,
  type ImportError,
  type ImportErrorReason,
} from './import-errors.ts';
export { type ImportOptions, type ImportResult, importFhir } from './import-fhir.ts';
export {
  type EntryRef,
  type ExistingRecord,
  type ImportFileItem,
  type ImportItem,
  type ImportPreview,
  previewImport,
} from './import-preview.ts';
export { checkIps, type FhirIssue } from './ips-checks.ts';
export { MAX_IMPORT_BYTES, parseBundle, type Validate } from './parse-bundle.ts';
