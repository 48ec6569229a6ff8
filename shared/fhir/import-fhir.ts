/** The whole import in one call: check the file, then preview it against the profile's records. */
import type { ImportError } from './import-errors.ts';
import { type ExistingRecord, type ImportPreview, previewImport } from './import-preview.ts';
import type { FhirIssue } from './ips-checks.ts';
import { parseBundle, type Validate } from './parse-bundle.ts';

export interface ImportOptions {
  /** R4 validation (`validateR4` once its definitions are loaded). */
  readonly validate: Validate;
  readonly existing: readonly ExistingRecord[];
  /** YYYY-MM-DD, for a required date the file does not give. */
  readonly today: string;
  /** The id each imported document will be stored under (see `previewImport`). */
  readonly newId?: (index: number) => string;
}

export type ImportResult =
  | { ok: true; preview: ImportPreview; warnings: readonly FhirIssue[] }
  | { ok: false; error: ImportError };

export function importFhir(input: string | Uint8Array, options: ImportOptions): ImportResult {
  const parsed = parseBundle(input, options.validate);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    preview: previewImport(parsed.bundle, options.existing, options.today, options.newId),
    warnings: parsed.warnings,
  };
}
