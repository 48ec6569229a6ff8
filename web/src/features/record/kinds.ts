/** Which record kinds the patient writes here, which are read-only, and which live elsewhere. */
import { RECORD_KINDS, type RecordKind } from '../../../../shared/schema/record.ts';

/** Kinds the patient adds and edits with the generic form, in the order the menus list them. */
export const WRITABLE_KINDS = [
  'allergy',
  'condition',
  'procedure',
  'medication',
  'vaccination',
  'lab-result',
  'measurement',
  'device',
  'pregnancy',
  'family-history',
  'lifestyle',
  'advance-directive',
  'administrative',
  'emergency-contact',
  'note',
] as const satisfies readonly RecordKind[];

export type WritableKind = (typeof WRITABLE_KINDS)[number];

/** Written by practitioners (signed) or by the teleconsultation: listed and shown, never edited here. */
export const READ_ONLY_KINDS = [
  'practitioner-entry',
  'consultation',
] as const satisfies readonly RecordKind[];

/** Every kind, for the kind menu: documents last, as they open on their own page. */
export const MENU_KINDS: readonly RecordKind[] = [...WRITABLE_KINDS, ...READ_ONLY_KINDS, 'document'];

export function isRecordKind(value: string | undefined): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value ?? '');
}

export function isWritableKind(value: string | undefined): value is WritableKind {
  return (WRITABLE_KINDS as readonly string[]).includes(value ?? '');
}

/** Where an entry of this kind is opened: documents on their own page, the rest in the editor. */
export function entryHref(kind: RecordKind, id: string): string {
  if (kind === 'emergency-profile') return '/emergency';
  if (kind === 'exercise-session') return '/exercise';
  return kind === 'document' ? '/documents' : `/record/${kind}/${id}`;
}

export function kindHref(kind: RecordKind): string {
  if (kind === 'emergency-profile') return '/emergency';
  if (kind === 'exercise-session') return '/exercise';
  return kind === 'document' ? '/documents' : `/record/${kind}`;
}
