/** Which section a record belongs to, and the mapper for its kind. */
import type { ClinicalRecord } from '../schema/record.ts';
import type { SectionKey } from './codes.ts';
import {
  allergyToFhir,
  conditionToFhir,
  familyHistoryToFhir,
  medicationToFhir,
  procedureToFhir,
  vaccinationToFhir,
} from './to-fhir-clinical.ts';
import type { MappedRecord, ToFhirContext } from './to-fhir-context.ts';
import {
  labResultToFhir,
  lifestyleToFhir,
  measurementToFhir,
  pregnancyToFhir,
} from './to-fhir-observations.ts';
import {
  deviceToFhir,
  directiveToFhir,
  documentToFhir,
  noteToFhir,
  practitionerEntryToFhir,
} from './to-fhir-other.ts';

/**
 * Kinds that are not section entries: administrative details and emergency contacts go into the
 * Patient resource; the emergency profile is derived from the rest; a teleconsultation's summary is
 * a bill, not a clinical fact.
 */
export const NOT_IN_SECTIONS = [
  'administrative',
  'emergency-contact',
  'emergency-profile',
  'consultation',
  // The patient's own log of a home programme: follow-up between visits, not a summary fact.
  'exercise-session',
] as const;

type SectionKind = Exclude<ClinicalRecord['kind'], (typeof NOT_IN_SECTIONS)[number]>;
type SectionRecord = Extract<ClinicalRecord, { kind: SectionKind }>;

export function isSectionRecord(record: ClinicalRecord): record is SectionRecord {
  return !(NOT_IN_SECTIONS as readonly string[]).includes(record.kind);
}

const SECTION_OF: { readonly [K in Exclude<SectionKind, 'condition'>]: SectionKey } = {
  allergy: 'allergies',
  medication: 'medications',
  vaccination: 'immunizations',
  'lab-result': 'results',
  measurement: 'vitalSigns',
  document: 'documents',
  lifestyle: 'socialHistory',
  'practitioner-entry': 'practitionerNotes',
  note: 'notes',
  procedure: 'procedures',
  device: 'devices',
  pregnancy: 'pregnancy',
  'family-history': 'familyHistory',
  'advance-directive': 'advanceDirectives',
};

export function sectionOf(record: SectionRecord): SectionKey {
  if (record.kind === 'condition') {
    return ['inactive', 'remission', 'resolved'].includes(record.clinicalStatus) ? 'pastIllness' : 'problems';
  }
  return SECTION_OF[record.kind];
}

export function recordToFhir(
  id: string,
  record: SectionRecord,
  ctx: ToFhirContext,
  today: string,
): MappedRecord {
  switch (record.kind) {
    case 'allergy':
      return allergyToFhir(id, record, ctx);
    case 'condition':
      return conditionToFhir(id, record, ctx);
    case 'medication':
      return medicationToFhir(id, record, ctx, today);
    case 'vaccination':
      return vaccinationToFhir(id, record, ctx);
    case 'procedure':
      return procedureToFhir(id, record, ctx);
    case 'family-history':
      return familyHistoryToFhir(id, record, ctx);
    case 'lab-result':
      return labResultToFhir(id, record, ctx);
    case 'measurement':
      return measurementToFhir(id, record, ctx);
    case 'lifestyle':
      return lifestyleToFhir(id, record, ctx);
    case 'pregnancy':
      return pregnancyToFhir(id, record, ctx);
    case 'device':
      return deviceToFhir(id, record, ctx);
    case 'advance-directive':
      return directiveToFhir(id, record, ctx);
    case 'document':
      return documentToFhir(id, record, ctx);
    case 'practitioner-entry':
      return practitionerEntryToFhir(id, record, ctx);
    case 'note':
      return noteToFhir(id, record, ctx);
  }
}
