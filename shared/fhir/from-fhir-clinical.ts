/**
 * AllergyIntolerance, Condition, Immunization, Procedure
 * and FamilyMemberHistory → Carnet records. Carnet's own extensions, when present, restore what
 * FHIR has no element for; foreign resources get the same mapping without them.
 */
import type {
  AllergyIntolerance,
  Condition,
  FamilyMemberHistory,
  Immunization,
  Procedure,
} from '@medplum/fhirtypes';
import { ALLERGY_CATEGORIES, ALLERGY_SEVERITIES, ALLERGY_STATUSES } from '../schema/allergy.ts';
import { CONDITION_STATUSES } from '../schema/condition.ts';
import { FAMILY_RELATIONSHIPS } from '../schema/family-history.ts';
import { PROCEDURE_STATUSES } from '../schema/procedure.ts';
import { carnetValue, FAMILY_ROLE_CODES, SYSTEM } from './codes.ts';
import { codeOf, type Draft, dayOf, defined, type MapResult, notesOf, textOf } from './fhir-read.ts';

export function isAbsent(cc: { coding?: { system?: string }[] } | undefined): boolean {
  return cc?.coding?.some((c) => c.system === SYSTEM.absentUnknown) ?? false;
}

export function oneOfOr<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

export function allergyFromFhir(r: AllergyIntolerance): MapResult {
  if (isAbsent(r.code)) return { skip: 'absent-unknown' };
  const assumed: string[] = [];
  const category = carnetValue(r.extension, 'allergy-category') ?? r.category?.[0] ?? 'other';
  const severity =
    carnetValue(r.extension, 'allergy-severity') ??
    r.reaction?.find((x) => x.severity)?.severity ??
    undefined;
  if (severity === undefined) assumed.push('severity: moderate');
  const status = r.clinicalStatus?.coding?.[0]?.code;
  if (status === undefined) assumed.push('status: active');
  const reactions = (r.reaction ?? []).flatMap((x) =>
    x.manifestation.map(textOf).filter((t) => t !== undefined),
  );
  const record = defined({
    kind: 'allergy',
    schemaVersion: 1,
    substance: textOf(r.code),
    category: oneOfOr(ALLERGY_CATEGORIES, category, 'other'),
    type: r.type ?? 'allergy',
    reactions,
    severity: oneOfOr(ALLERGY_SEVERITIES, severity, 'moderate'),
    criticality: r.criticality ?? 'unable-to-assess',
    onsetDate: dayOf(r.onsetDateTime),
    status: oneOfOr(ALLERGY_STATUSES, status, 'active'),
    code: codeOf(r.code, ['snomed']),
    note: notesOf(r.note),
  });
  const used = [
    'extension',
    'clinicalStatus',
    'type',
    'category',
    'criticality',
    'code',
    'patient',
    'onsetDateTime',
    'note',
    'reaction',
  ];
  return [{ record, used, assumed }];
}

export function conditionFromFhir(r: Condition): MapResult {
  if (isAbsent(r.code)) return { skip: 'absent-unknown' };
  if (r.verificationStatus?.coding?.some((c) => c.code === 'entered-in-error'))
    return { skip: 'entered-in-error' };
  const status = r.clinicalStatus?.coding?.[0]?.code;
  const record = defined({
    kind: 'condition',
    schemaVersion: 1,
    name: textOf(r.code),
    clinicalStatus: oneOfOr(CONDITION_STATUSES, status, 'active'),
    onsetDate: dayOf(r.onsetDateTime ?? r.onsetPeriod?.start),
    abatementDate: dayOf(
      r.abatementDateTime ?? (carnetValue(r.extension, 'abatement-date') as string | undefined),
    ),
    critical: carnetValue(r.extension, 'critical') === true,
    code: codeOf(r.code, ['snomed', 'icd10']),
    note: notesOf(r.note),
  });
  const used = [
    'extension',
    'clinicalStatus',
    'code',
    'subject',
    'onsetDateTime',
    'onsetPeriod',
    'abatementDateTime',
    'note',
  ];
  return [{ record, used, assumed: status === undefined ? ['clinicalStatus: active'] : [] }];
}

export function immunizationFromFhir(r: Immunization): MapResult {
  if (r.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const record = defined({
    kind: 'vaccination',
    schemaVersion: 1,
    vaccine: textOf(r.vaccineCode),
    date: dayOf(r.occurrenceDateTime),
    lot: r.lotNumber,
    doseNumber: r.protocolApplied?.[0]?.doseNumberPositiveInt,
    nextDue: carnetValue(r.extension, 'next-due'),
    code: codeOf(r.vaccineCode, ['cvx', 'atc']),
    performer: r.performer?.[0]?.actor.display,
    note: notesOf(r.note),
  });
  const used = [
    'extension',
    'status',
    'vaccineCode',
    'patient',
    'occurrenceDateTime',
    'lotNumber',
    'protocolApplied',
    'performer',
    'note',
  ];
  return [{ record, used }];
}

export function procedureFromFhir(r: Procedure): MapResult {
  if (r.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const status = r.status === 'preparation' || r.status === 'on-hold' ? 'in-progress' : r.status;
  const record = defined({
    kind: 'procedure',
    schemaVersion: 1,
    name: textOf(r.code),
    status: oneOfOr(PROCEDURE_STATUSES, status, 'unknown'),
    date: dayOf(r.performedDateTime ?? r.performedPeriod?.start),
    bodySite: textOf(r.bodySite?.[0]),
    performer: r.performer?.[0]?.actor.display,
    reason: textOf(r.reasonCode?.[0]),
    code: codeOf(r.code, ['snomed']),
    note: notesOf(r.note),
  });
  const used = [
    'status',
    'code',
    'subject',
    'performedDateTime',
    'performedPeriod',
    'bodySite',
    'performer',
    'reasonCode',
    'note',
  ];
  return [{ record, used }];
}

export function familyHistoryFromFhir(r: FamilyMemberHistory): MapResult {
  if (r.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const role = r.relationship.coding?.find((c) => c.system === SYSTEM.roleCode)?.code;
  const relationship = Object.entries(FAMILY_ROLE_CODES).find(([, code]) => code === role)?.[0];
  const used = ['status', 'patient', 'relationship', 'note', 'condition'];
  return (r.condition ?? []).map(
    (c): Draft => ({
      record: defined({
        kind: 'family-history',
        schemaVersion: 1,
        relationship: oneOfOr(FAMILY_RELATIONSHIPS, relationship, 'other'),
        condition: textOf(c.code),
        onsetAge: c.onsetAge?.code === 'a' || c.onsetAge?.unit === 'a' ? c.onsetAge.value : undefined,
        causeOfDeath: c.contributedToDeath,
        code: codeOf(c.code, ['snomed', 'icd10']),
        note: notesOf([...(r.note ?? []), ...(c.note ?? [])]),
      }),
      used,
    }),
  );
}
