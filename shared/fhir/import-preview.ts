/**
 * An IPS (or any FHIR R4 document or collection Bundle) → a preview of what would change in a
 * profile: records to add, records that look like ones already there, and resources that are not
 * imported, each with its reason. Every entry of the Bundle is accounted for exactly once in
 * `accounting`; nothing is written here. A resource without a Carnet kind, or whose mapping Carnet's
 * schema rejects, becomes a note holding its original text.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { type ClinicalRecord, parseRecord } from '../schema/record.ts';
import { duplicateKeys } from './duplicate-keys.ts';
import type { Draft, Reader, UnmappedReason } from './fhir-read.ts';
import type { ImportedFile } from './from-fhir-document.ts';
import { mapResource } from './map-resource.ts';
import { resourceAsNote } from './resource-note.ts';

export interface EntryRef {
  /** Position in `Bundle.entry`. */
  readonly index: number;
  readonly resourceType: string;
  readonly fullUrl?: string;
}

export interface ImportItem {
  readonly source: EntryRef;
  readonly record: ClinicalRecord;
  /** Top-level elements of the resource not carried into the record. */
  readonly dropped: readonly string[];
  /** Required fields the resource did not state, with the value used. */
  readonly assumed: readonly string[];
  /** Set when the resource had no Carnet kind (or did not fit it) and is kept as a note. */
  readonly asNote?: 'no-kind' | 'does-not-fit';
  /** Why it did not fit its kind: the schema's messages (`path: message`). */
  readonly problems?: readonly string[];
  /** For an advance directive: the entry of its attached document, to link once stored. */
  readonly documentSource?: EntryRef;
}

export interface ImportFileItem {
  readonly source: EntryRef;
  /** The id to store the document under: an imported directive's `documentId` already says it. */
  readonly id: string;
  readonly file: ImportedFile;
  /** An existing document with the same SHA-256: the same file is already stored. */
  readonly existingId?: string;
}

export type Outcome = 'add' | 'duplicate' | 'file' | 'used' | 'unmapped';

export interface ImportPreview {
  readonly toAdd: readonly ImportItem[];
  readonly duplicates: readonly (ImportItem & { readonly existingId: string })[];
  readonly files: readonly ImportFileItem[];
  readonly unmapped: readonly { readonly resource: EntryRef; readonly reason: UnmappedReason }[];
  /** One line per Bundle entry (an entry giving several records appears once per record). */
  readonly accounting: readonly { readonly source: EntryRef; readonly outcome: Outcome }[];
}

export interface ExistingRecord {
  readonly id: string;
  readonly record: ClinicalRecord;
}

/** The person's identity: it is the profile itself, imported into, not a record. */
const PATIENT_FRAME = ['name', 'gender', 'birthDate', 'communication', 'active'];

const ALWAYS_USED = new Set(['resourceType', 'id', 'meta', 'text', 'language']);

function dropped(resource: Resource, used: readonly string[]): string[] {
  return Object.keys(resource).filter((key) => !ALWAYS_USED.has(key) && !used.includes(key));
}

/**
 * `newId` names the documents to be stored (by entry index), so records that point at them can be
 * written with the final id; the app passes its own id generator.
 */
export function previewImport(
  bundle: Bundle,
  existing: readonly ExistingRecord[],
  today: string,
  newId: (index: number) => string = (index) => `fhir-${index}`,
): ImportPreview {
  const entries = bundle.entry ?? [];
  const byReference = new Map<string, { index: number; resource: Resource }>();
  entries.forEach((e, index) => {
    if (!e.resource) return;
    if (e.fullUrl) byReference.set(e.fullUrl, { index, resource: e.resource });
    if (e.resource.id)
      byReference.set(`${e.resource.resourceType}/${e.resource.id}`, { index, resource: e.resource });
  });
  const read: Reader = { resolve: (ref) => (ref ? byReference.get(ref)?.resource : undefined), today };
  const refOf = (index: number): EntryRef => {
    const e = entries[index];
    return {
      index,
      resourceType: e?.resource?.resourceType ?? 'unknown',
      ...(e?.fullUrl ? { fullUrl: e.fullUrl } : {}),
    };
  };

  // First pass: map everything, and note which entries others absorbed.
  const results = entries.map((e) => (e.resource ? mapResource(e.resource, read) : undefined));
  const consumed = new Set<number>();
  for (const result of results) {
    if (result === undefined || 'skip' in result || 'file' in result) continue;
    for (const draft of result as readonly Draft[]) {
      for (const ref of draft.consumes ?? []) {
        const target = byReference.get(ref);
        if (target) consumed.add(target.index);
      }
    }
  }

  const seen = new Map<string, string>();
  existing.forEach(({ id, record }) => {
    for (const key of duplicateKeys(record)) seen.set(key, id);
  });
  const storedFiles = new Map(
    existing.flatMap(({ id, record }) => (record.kind === 'document' ? [[record.sha256, id] as const] : [])),
  );
  const toAdd: ImportItem[] = [];
  const duplicates: (ImportItem & { existingId: string })[] = [];
  const files: ImportFileItem[] = [];
  const unmapped: { resource: EntryRef; reason: UnmappedReason }[] = [];
  const accounting: { source: EntryRef; outcome: Outcome }[] = [];

  const accept = (item: ImportItem) => {
    const keys = duplicateKeys(item.record);
    const existingId = keys.map((k) => seen.get(k)).find((id) => id !== undefined);
    if (existingId !== undefined) {
      duplicates.push({ ...item, existingId });
      accounting.push({ source: item.source, outcome: 'duplicate' });
      return;
    }
    toAdd.push(item);
    accounting.push({ source: item.source, outcome: 'add' });
  };

  results.forEach((result, index) => {
    const resource = entries[index]?.resource;
    const source = refOf(index);
    if (!resource) {
      unmapped.push({ resource: source, reason: 'document-frame' });
      accounting.push({ source, outcome: 'unmapped' });
      return;
    }
    if (consumed.has(index)) {
      accounting.push({ source, outcome: 'used' });
      return;
    }
    if (result !== undefined && 'file' in result) {
      const sameFile = result.file.sha256 === undefined ? undefined : storedFiles.get(result.file.sha256);
      files.push({
        source,
        id: newId(index),
        file: result.file,
        ...(sameFile ? { existingId: sameFile } : {}),
      });
      accounting.push({ source, outcome: 'file' });
      return;
    }
    if (result !== undefined && 'skip' in result) {
      unmapped.push({ resource: source, reason: result.skip });
      accounting.push({ source, outcome: 'unmapped' });
      return;
    }
    const drafts = result ?? [];
    if (drafts.length === 0) {
      accept({ source, record: resourceAsNote(resource), dropped: [], assumed: [], asNote: 'no-kind' });
      return;
    }
    // What one record of a resource does not carry, another may (a Patient's contacts and details).
    const usedByAll = [
      ...drafts.flatMap((d) => d.used),
      ...(resource.resourceType === 'Patient' ? PATIENT_FRAME : []),
    ];
    for (const draft of drafts) {
      const documentTarget = draft.documentReference ? byReference.get(draft.documentReference) : undefined;
      const target = documentTarget && results[documentTarget.index];
      const linked =
        documentTarget && target !== undefined && 'file' in target
          ? { ...draft.record, documentId: newId(documentTarget.index) }
          : draft.record;
      const parsed = parseRecord(linked);
      if (!parsed.ok) {
        accept({
          source,
          record: resourceAsNote(resource),
          dropped: [],
          assumed: [],
          asNote: 'does-not-fit',
          problems: parsed.issues.map((i) => `${i.path}: ${i.message}`),
        });
        return;
      }
      accept({
        source,
        record: parsed.value,
        dropped: dropped(resource, usedByAll),
        assumed: draft.assumed ?? [],
        ...(documentTarget ? { documentSource: refOf(documentTarget.index) } : {}),
      });
    }
  });
  return { toAdd, duplicates, files, unmapped, accounting };
}
