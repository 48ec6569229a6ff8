/**
 * Allergies, conditions, medications, vaccinations, procedures and family history → FHIR R4.
 * Free text always goes into `CodeableConcept.text`; a code, when the patient has one, beside it.
 * Fields FHIR R4 has no element for are carried in Carnet extensions so nothing is lost on re-import.
 */
import type {
  AllergyIntolerance,
  Annotation,
  Condition,
  FamilyMemberHistory,
  Immunization,
  MedicationStatement,
  Procedure,
} from '@medplum/fhirtypes';
import type { Allergy } from '../schema/allergy.ts';
import type { Condition as ConditionRecord } from '../schema/condition.ts';
import type { FamilyHistory } from '../schema/family-history.ts';
import type { Medication } from '../schema/medication.ts';
import type { Procedure as ProcedureRecord } from '../schema/procedure.ts';
import type { Vaccination } from '../schema/vaccination.ts';
import { carnetExtension, coding, concept, FAMILY_ROLE_CODES, ROUTE_SNOMED, SYSTEM } from './codes.ts';
import { line } from './narrative.ts';
import { label } from './narrative-labels.ts';
import type { MappedRecord, ToFhirContext } from './to-fhir-context.ts';

export function notes(note: string | undefined): { note?: Annotation[] } {
  return note === undefined ? {} : { note: [{ text: note }] };
}

function extensions(...list: (ReturnType<typeof carnetExtension> | false | undefined)[]) {
  const present = list.filter((e): e is ReturnType<typeof carnetExtension> => e !== undefined && e !== false);
  return present.length > 0 ? { extension: present } : {};
}

const FHIR_ALLERGY_CATEGORIES = new Set(['food', 'medication', 'environment', 'biologic']);

export function allergyToFhir(id: string, r: Allergy, ctx: ToFhirContext): MappedRecord {
  const resource: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id: ctx.uuid(id),
    // "latex" and "other" have no FHIR category: kept in an extension, category left out.
    ...extensions(
      !FHIR_ALLERGY_CATEGORIES.has(r.category) && carnetExtension('allergy-category', r.category),
      r.reactions.length === 0 && carnetExtension('allergy-severity', r.severity),
    ),
    clinicalStatus: concept(r.status, coding(SYSTEM.allergyClinical, r.status)),
    type: r.type,
    ...(FHIR_ALLERGY_CATEGORIES.has(r.category)
      ? { category: [r.category as 'food' | 'medication' | 'environment' | 'biologic'] }
      : {}),
    criticality: r.criticality,
    code: concept(r.substance, r.code && coding(r.code.system, r.code.code, r.code.display)),
    patient: ctx.patient,
    ...(r.onsetDate ? { onsetDateTime: r.onsetDate } : {}),
    ...notes(r.note),
    ...(r.reactions.length > 0
      ? { reaction: r.reactions.map((text) => ({ manifestation: [{ text }], severity: r.severity })) }
      : {}),
  };
  return {
    section: 'allergies',
    resources: [resource],
    line: line(r.substance, r.reactions.join(', '), label(ctx.locale, 'severity', r.severity), r.onsetDate),
  };
}

const ABATED = new Set(['inactive', 'remission', 'resolved']);

export function conditionToFhir(id: string, r: ConditionRecord, ctx: ToFhirContext): MappedRecord {
  // FHIR (con-4) allows an abatement only on an inactive, remitted or resolved condition; a relapse
  // with an end date keeps its end date in an extension instead.
  const abatementAllowed = ABATED.has(r.clinicalStatus);
  const resource: Condition = {
    resourceType: 'Condition',
    id: ctx.uuid(id),
    ...extensions(
      r.critical && carnetExtension('critical', true),
      r.abatementDate !== undefined &&
        !abatementAllowed &&
        carnetExtension('abatement-date', r.abatementDate),
    ),
    clinicalStatus: concept(r.clinicalStatus, coding(SYSTEM.conditionClinical, r.clinicalStatus)),
    code: concept(r.name, r.code && coding(r.code.system, r.code.code, r.code.display)),
    subject: ctx.patient,
    ...(r.onsetDate ? { onsetDateTime: r.onsetDate } : {}),
    ...(r.abatementDate && abatementAllowed ? { abatementDateTime: r.abatementDate } : {}),
    ...notes(r.note),
  };
  const active = !ABATED.has(r.clinicalStatus);
  return {
    section: active ? 'problems' : 'pastIllness',
    resources: [resource],
    line: line(
      r.name,
      label(ctx.locale, 'conditionStatus', r.clinicalStatus),
      r.onsetDate,
      r.abatementDate && `${label(ctx.locale, 'words', 'until')} ${r.abatementDate}`,
    ),
  };
}

export function medicationToFhir(id: string, r: Medication, ctx: ToFhirContext, today: string): MappedRecord {
  const dose = typeof r.dose === 'string' ? r.dose : `${r.dose.value} ${r.dose.unit}`;
  const routeCode = r.route === 'other' ? undefined : ROUTE_SNOMED[r.route];
  const resource: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: ctx.uuid(id),
    ...extensions(
      r.highRisk && carnetExtension('high-risk', true),
      typeof r.dose === 'string' && carnetExtension('dose-text', r.dose),
    ),
    status: r.stopDate !== undefined && r.stopDate < today ? 'completed' : 'active',
    medicationCodeableConcept: concept(r.name, r.code && coding(r.code.system, r.code.code, r.code.display)),
    subject: ctx.patient,
    effectivePeriod: { start: r.startDate, ...(r.stopDate ? { end: r.stopDate } : {}) },
    ...(r.prescriber ? { informationSource: { display: r.prescriber } } : {}),
    ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
    ...notes(r.note),
    dosage: [
      {
        text: `${dose}, ${r.frequency}`,
        timing: { code: { text: r.frequency } },
        asNeededBoolean: r.asNeeded,
        route: concept(r.route, routeCode && coding(SYSTEM.snomed, routeCode)),
        ...(typeof r.dose === 'string'
          ? {}
          : { doseAndRate: [{ doseQuantity: { value: r.dose.value, unit: r.dose.unit } }] }),
      },
    ],
  };
  return {
    section: 'medications',
    resources: [resource],
    line: line(
      r.name,
      dose,
      r.frequency,
      r.asNeeded && label(ctx.locale, 'words', 'whenNeeded'),
      r.startDate,
    ),
  };
}

export function vaccinationToFhir(id: string, r: Vaccination, ctx: ToFhirContext): MappedRecord {
  const resource: Immunization = {
    resourceType: 'Immunization',
    id: ctx.uuid(id),
    ...extensions(r.nextDue !== undefined && carnetExtension('next-due', r.nextDue)),
    status: 'completed',
    vaccineCode: concept(r.vaccine, r.code && coding(r.code.system, r.code.code, r.code.display)),
    patient: ctx.patient,
    occurrenceDateTime: r.date,
    ...(r.lot ? { lotNumber: r.lot } : {}),
    ...(r.performer ? { performer: [{ actor: { display: r.performer } }] } : {}),
    ...notes(r.note),
    ...(r.doseNumber !== undefined ? { protocolApplied: [{ doseNumberPositiveInt: r.doseNumber }] } : {}),
  };
  return { section: 'immunizations', resources: [resource], line: line(r.vaccine, r.date, r.lot) };
}

export function procedureToFhir(id: string, r: ProcedureRecord, ctx: ToFhirContext): MappedRecord {
  const resource: Procedure = {
    resourceType: 'Procedure',
    id: ctx.uuid(id),
    status: r.status,
    code: concept(r.name, r.code && coding(r.code.system, r.code.code, r.code.display)),
    subject: ctx.patient,
    ...(r.date ? { performedDateTime: r.date } : {}),
    ...(r.performer ? { performer: [{ actor: { display: r.performer } }] } : {}),
    ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
    ...(r.bodySite ? { bodySite: [{ text: r.bodySite }] } : {}),
    ...notes(r.note),
  };
  return { section: 'procedures', resources: [resource], line: line(r.name, r.date, r.bodySite) };
}

export function familyHistoryToFhir(id: string, r: FamilyHistory, ctx: ToFhirContext): MappedRecord {
  const resource: FamilyMemberHistory = {
    resourceType: 'FamilyMemberHistory',
    id: ctx.uuid(id),
    status: 'completed',
    patient: ctx.patient,
    relationship: concept(r.relationship, coding(SYSTEM.roleCode, FAMILY_ROLE_CODES[r.relationship])),
    ...notes(r.note),
    condition: [
      {
        code: concept(r.condition, r.code && coding(r.code.system, r.code.code, r.code.display)),
        ...(r.causeOfDeath !== undefined ? { contributedToDeath: r.causeOfDeath } : {}),
        ...(r.onsetAge !== undefined
          ? { onsetAge: { value: r.onsetAge, unit: 'a', system: SYSTEM.ucum, code: 'a' } }
          : {}),
      },
    ],
  };
  return {
    section: 'familyHistory',
    resources: [resource],
    line: line(
      label(ctx.locale, 'relative', r.relationship),
      r.condition,
      r.onsetAge !== undefined && `${label(ctx.locale, 'words', 'ageAtOnset')} ${r.onsetAge}`,
    ),
  };
}
