/** Small readers shared by the FHIR → record mappers: text of a concept, codes, dates, notes. */
import type { Annotation, CodeableConcept, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type CodeSystemName } from '../schema/clinical-code.ts';

/** What a mapper proposes; `parseRecord` judges it, and a rejected draft becomes a note. */
export interface Draft {
  readonly record: Record<string, unknown>;
  /** Top-level elements of the resource that went into the record; the others are listed as dropped. */
  readonly used: readonly string[];
  /** Fields Carnet requires that the resource did not state, and the value put there. */
  readonly assumed?: readonly string[];
  /** References to other entries this record absorbed (a Medication, a Device, a RelatedPerson…). */
  readonly consumes?: readonly string[];
  /** An advance directive's attached document, as a reference to its DocumentReference. */
  readonly documentReference?: string;
}

export type UnmappedReason =
  /** The IPS "no information" / "no known …" statements: nothing to add to a record. */
  | 'absent-unknown'
  | 'entered-in-error'
  /** People and organisations not referred to by anything imported. */
  | 'directory-entry'
  /** The Composition, the Patient's identity: the document's frame, not a record. */
  | 'document-frame'
  /** Carnet's alerts, derived from critical conditions and high-risk medications already imported. */
  | 'derived-alert';

export type MapResult = readonly Draft[] | { readonly skip: UnmappedReason };

export interface Reader {
  resolve(reference: string | undefined): Resource | undefined;
  /** The day of the import, for a required date the source does not give (stated in `assumed`). */
  readonly today: string;
}

export function textOf(cc: CodeableConcept | undefined): string | undefined {
  if (!cc) return undefined;
  const coded = cc.coding?.find((c) => c.display)?.display ?? cc.coding?.find((c) => c.code)?.code;
  const text = (cc.text ?? coded)?.trim();
  return text === '' ? undefined : text;
}

/** The first coding in one of the allowed systems, as a Carnet code. */
export function codeOf(cc: CodeableConcept | undefined, names: readonly CodeSystemName[]) {
  const systems = names.map((n) => CODE_SYSTEMS[n] as string);
  const found = cc?.coding?.find((c) => c.system !== undefined && systems.includes(c.system) && c.code);
  if (!found?.system || !found.code) return undefined;
  return { system: found.system, code: found.code, ...(found.display ? { display: found.display } : {}) };
}

export function hasCode(cc: CodeableConcept | undefined, system: string, code: string): boolean {
  return cc?.coding?.some((c) => c.system === system && c.code === code) ?? false;
}

/** A FHIR date or dateTime as a Carnet date, only when the day is known ("2015-03" is not a day). */
export function dayOf(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

export function notesOf(annotations: readonly Annotation[] | undefined): string | undefined {
  const text = (annotations ?? [])
    .map((a) => a.text.trim())
    .filter(Boolean)
    .join('\n');
  return text === '' ? undefined : text;
}

/** Leaves out undefined values, so the record has only what is known. */
export function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
