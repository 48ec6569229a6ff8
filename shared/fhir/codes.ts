/**
 * The code systems, section codes and value codes the IPS mapping uses, in one place so export and
 * import read the same table. LOINC section codes are those of the HL7 IPS implementation guide.
 */
import type { CodeableConcept, Coding, Extension } from '@medplum/fhirtypes';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  absentUnknown: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
} as const;

/**
 * Carnet's own definitions, for the few fields FHIR R4 has no element for (an allergy's "latex"
 * category, a medication's high-risk flag…). `.invalid` is reserved: nothing pretends to resolve.
 */
export const CARNET = 'https://carnet.invalid/fhir';
export const CARNET_SECTION_SYSTEM = `${CARNET}/CodeSystem/section`;
export const CARNET_LIFESTYLE_SYSTEM = `${CARNET}/CodeSystem/lifestyle`;

export function carnetExtension(key: string, value: string | number | boolean): Extension {
  const url = `${CARNET}/StructureDefinition/${key}`;
  if (typeof value === 'string') return { url, valueString: value };
  if (typeof value === 'boolean') return { url, valueBoolean: value };
  return Number.isInteger(value) ? { url, valueInteger: value } : { url, valueDecimal: value };
}

/** The value of one of Carnet's extensions on a resource, or undefined. */
export function carnetValue(
  extensions: readonly Extension[] | undefined,
  key: string,
): string | number | boolean | undefined {
  const url = `${CARNET}/StructureDefinition/${key}`;
  const found = extensions?.find((e) => e.url === url);
  return found?.valueString ?? found?.valueBoolean ?? found?.valueInteger ?? found?.valueDecimal;
}

export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

export function concept(text: string, ...codings: (Coding | undefined)[]): CodeableConcept {
  const present = codings.filter((c): c is Coding => c !== undefined);
  return present.length > 0 ? { coding: present, text } : { text };
}

/** IPS sections, in the order a clinician reads them. `required` ones are always present. */
export const SECTIONS = {
  problems: { code: '11450-4', system: SYSTEM.loinc, required: true },
  allergies: { code: '48765-2', system: SYSTEM.loinc, required: true },
  medications: { code: '10160-0', system: SYSTEM.loinc, required: true },
  alerts: { code: '104605-1', system: SYSTEM.loinc, required: false },
  immunizations: { code: '11369-6', system: SYSTEM.loinc, required: false },
  results: { code: '30954-2', system: SYSTEM.loinc, required: false },
  procedures: { code: '47519-4', system: SYSTEM.loinc, required: false },
  devices: { code: '46264-8', system: SYSTEM.loinc, required: false },
  vitalSigns: { code: '8716-3', system: SYSTEM.loinc, required: false },
  pastIllness: { code: '11348-0', system: SYSTEM.loinc, required: false },
  pregnancy: { code: '10162-6', system: SYSTEM.loinc, required: false },
  socialHistory: { code: '29762-2', system: SYSTEM.loinc, required: false },
  familyHistory: { code: '10157-6', system: SYSTEM.loinc, required: false },
  advanceDirectives: { code: '42348-3', system: SYSTEM.loinc, required: false },
  // Not IPS sections: Carnet's own, so a clinician's system can tell they are extra.
  practitionerNotes: { code: 'practitioner-notes', system: CARNET_SECTION_SYSTEM, required: false },
  documents: { code: 'documents', system: CARNET_SECTION_SYSTEM, required: false },
  notes: { code: 'notes', system: CARNET_SECTION_SYSTEM, required: false },
} as const;

export type SectionKey = keyof typeof SECTIONS;
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/** LOINC codes of the measurement types (vital signs profile of FHIR R4). */
export const MEASUREMENT_LOINC = {
  weight: '29463-7',
  height: '8302-2',
  'blood-pressure': '85354-9',
  'heart-rate': '8867-4',
  temperature: '8310-5',
  spo2: '59408-5',
} as const;
export const GLUCOSE_LOINC = { 'mg/dL': '2339-0', 'mmol/L': '15074-8' } as const;
export const SYSTOLIC_LOINC = '8480-6';
export const DIASTOLIC_LOINC = '8462-4';

export const PREGNANCY_LOINC = {
  status: '82810-3',
  expectedDelivery: '11778-8',
  liveBirths: '11636-8',
  pretermBirths: '11637-6',
  termBirths: '11639-2',
  abortions: '11613-7',
  miscarriages: '11614-5',
} as const;
export const PREGNANCY_STATUS_SNOMED = {
  pregnant: '77386006',
  'not-pregnant': '60001007',
  unknown: '261665006',
} as const;

export const SMOKING_LOINC = '72166-2';
export const SMOKING_SNOMED = { never: '266919005', former: '8517006', current: '77176002' } as const;
/** LOINC answers some systems send for smoking status. */
export const SMOKING_LOINC_ANSWERS: Readonly<Record<string, 'never' | 'former' | 'current'>> = {
  'LA18978-9': 'never',
  'LA15920-4': 'former',
  'LA18976-3': 'current',
  'LA18977-1': 'current',
  'LA18981-3': 'current',
  'LA18982-1': 'current',
  'LA18979-7': 'current',
};

export const ROUTE_SNOMED = {
  oral: '26643006',
  iv: '47625008',
  im: '78421000',
  sc: '34206005',
  inhaled: '447694001',
  topical: '6064005',
  rectal: '37161004',
  sublingual: '37839007',
  transdermal: '45890007',
} as const;

export const FAMILY_ROLE_CODES = {
  mother: 'MTH',
  father: 'FTH',
  sister: 'SIS',
  brother: 'BRO',
  daughter: 'DAU',
  son: 'SON',
  grandmother: 'GRMTH',
  grandfather: 'GRFTH',
  aunt: 'AUNT',
  uncle: 'UNCLE',
  cousin: 'COUSN',
  other: 'FAMMEMB',
} as const;

export const DIRECTIVE_CATEGORY = {
  directives: 'acd',
  'trusted-person': 'hcd',
  'do-not-resuscitate': 'dnr',
  other: 'acd',
} as const;

export const INTERPRETATION_CODES = { low: 'L', normal: 'N', high: 'H', critical: 'AA' } as const;

export const ABSENT = {
  allergies: 'no-allergy-info',
  problems: 'no-problem-info',
  medications: 'no-medication-info',
} as const;
