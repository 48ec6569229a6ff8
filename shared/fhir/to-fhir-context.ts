/** What every record mapper needs: how to name resources and refer to the patient. */
import type { Resource } from '@medplum/fhirtypes';
import type { SectionKey } from './codes.ts';
import type { Locale } from './narrative.ts';

export interface ToFhirContext {
  readonly locale: Locale;
  readonly patient: LocalReference;
  /** A stable UUID for a key (record id plus a role such as `/device`). */
  uuid(key: string): string;
  /** Inline file contents (base64) by document record id, only for the files the user chose. */
  readonly files: ReadonlyMap<string, string>;
  /** Ids of the records in this export, so a link to a record left out is not written. */
  readonly exportedIds: ReadonlySet<string>;
}

export interface MappedRecord {
  readonly section: SectionKey;
  /** The first resource is the one the section lists; the others are what it refers to. */
  readonly resources: readonly Resource[];
  /** One line of the section's narrative. */
  readonly line: string;
}

/** A reference to a resource of the same Bundle, by its `urn:uuid:` full URL. */
export interface LocalReference {
  readonly reference: string;
}

export function refTo(resource: Resource & { id?: string }): LocalReference {
  return { reference: `urn:uuid:${resource.id}` };
}
