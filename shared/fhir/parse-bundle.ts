/**
 * From a file's bytes or text to a FHIR Bundle worth mapping, or the reason it is not. Validation
 * is handed in (`validate`), so this stays free of the heavy validator until the app loads it.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { MAX_DOCUMENT_BYTES } from '../schema/document.ts';
import { type ImportError, importError } from './import-errors.ts';
import type { FhirIssue } from './ips-checks.ts';

/** Same limit as a stored document: 20 MB (20,971,520 bytes). */
export const MAX_IMPORT_BYTES = MAX_DOCUMENT_BYTES;

export type Validate = (resource: Resource) => readonly FhirIssue[];

export type ParsedBundle =
  | { ok: true; bundle: Bundle; warnings: readonly FhirIssue[] }
  | { ok: false; error: ImportError };

/**
 * A narrative whose `div` is missing (some generators write only `text.status`) breaks R4 but loses
 * no data: Carnet keeps structured fields and writes its own narratives, so it is a warning.
 */
function tolerated(issue: FhirIssue): boolean {
  return issue.path.endsWith('.text.div') && issue.message === 'Missing required property';
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function parseBundle(input: string | Uint8Array, validate: Validate): ParsedBundle {
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > MAX_IMPORT_BYTES) return importError('too-large');
  let json: unknown;
  try {
    json = JSON.parse(
      typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input),
    );
  } catch {
    return importError('malformed-json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return importError('not-fhir');
  const resourceType = (json as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string') return importError('not-fhir');
  if (resourceType !== 'Bundle') return importError('not-a-bundle');
  const type = (json as { type?: unknown }).type;
  if (type !== 'document' && type !== 'collection') return importError('unsupported-bundle-type');
  const all = validate(json as Bundle);
  const issues = all.filter((i) => !tolerated(i));
  if (issues.length > 0) {
    const unknown = issues.some((i) => i.message.startsWith('Invalid additional property'));
    return importError(unknown ? 'unknown-fields' : 'invalid-resource', issues);
  }
  return { ok: true, bundle: json as Bundle, warnings: all.filter(tolerated) };
}
