/** MedicationStatement / MedicationRequest (with a referenced Medication) → a medication record. */
import type { Medication, MedicationRequest, MedicationStatement } from '@medplum/fhirtypes';
import { MEDICATION_ROUTES } from '../schema/medication.ts';
import { carnetValue, ROUTE_SNOMED, SYSTEM } from './codes.ts';
import { codeOf, dayOf, defined, type MapResult, notesOf, type Reader, textOf } from './fhir-read.ts';
import { isAbsent, oneOfOr } from './from-fhir-clinical.ts';

function routeOf(cc: { coding?: { system?: string; code?: string }[]; text?: string } | undefined) {
  const snomed = cc?.coding?.find((c) => c.system === SYSTEM.snomed)?.code;
  const bySnomed = Object.entries(ROUTE_SNOMED).find(([, code]) => code === snomed)?.[0];
  return oneOfOr(MEDICATION_ROUTES, bySnomed ?? cc?.text, 'other');
}

export function medicationFromFhir(r: MedicationStatement | MedicationRequest, read: Reader): MapResult {
  const product = r.medicationReference
    ? (read.resolve(r.medicationReference.reference) as Medication | undefined)
    : undefined;
  const concept = r.medicationCodeableConcept ?? product?.code;
  if (isAbsent(concept)) return { skip: 'absent-unknown' };
  if (r.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const statement = r.resourceType === 'MedicationStatement' ? r : undefined;
  const dosage = statement ? statement.dosage?.[0] : (r as MedicationRequest).dosageInstruction?.[0];
  const quantity = dosage?.doseAndRate?.[0]?.doseQuantity;
  const assumed: string[] = [];
  const doseText = carnetValue(r.extension, 'dose-text');
  const dose =
    typeof doseText === 'string'
      ? doseText
      : quantity?.value !== undefined && (quantity.unit ?? quantity.code)
        ? { value: quantity.value, unit: quantity.unit ?? quantity.code }
        : dosage?.text;
  if (dose === undefined) assumed.push('dose: ?');
  const repeat = dosage?.timing?.repeat;
  const frequency =
    dosage?.timing?.code?.text ??
    dosage?.text ??
    (repeat?.frequency !== undefined && repeat.periodUnit
      ? `${repeat.frequency} / ${repeat.period ?? 1} ${repeat.periodUnit}`
      : undefined);
  if (frequency === undefined) assumed.push('frequency: ?');
  const start = dayOf(
    statement?.effectivePeriod?.start ??
      statement?.effectiveDateTime ??
      statement?.dateAsserted ??
      (r as MedicationRequest).authoredOn,
  );
  if (start === undefined) assumed.push('startDate: unknown, set to the day of import');
  const source = statement?.informationSource ?? (r as MedicationRequest).requester;
  const record = defined({
    kind: 'medication',
    schemaVersion: 1,
    name: textOf(concept),
    dose: dose ?? '?',
    route: routeOf(dosage?.route),
    frequency: frequency ?? '?',
    startDate: start ?? read.today,
    stopDate: dayOf(statement?.effectivePeriod?.end),
    asNeeded: dosage?.asNeededBoolean ?? false,
    code: codeOf(concept, ['atc']),
    reason: textOf(r.reasonCode?.[0]),
    prescriber: source?.display,
    highRisk: carnetValue(r.extension, 'high-risk') === true,
    note: notesOf(r.note),
  });
  const used = [
    'extension',
    'status',
    'medicationCodeableConcept',
    'medicationReference',
    'subject',
    'effectivePeriod',
    'effectiveDateTime',
    'dateAsserted',
    'authoredOn',
    'informationSource',
    'requester',
    'reasonCode',
    'note',
    'dosage',
    'dosageInstruction',
    'intent',
  ];
  return [
    {
      record,
      used,
      assumed,
      consumes: r.medicationReference?.reference ? [r.medicationReference.reference] : [],
    },
  ];
}
