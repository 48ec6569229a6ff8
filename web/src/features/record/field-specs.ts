/** The form of each kind the patient writes, as data. Measurements depend on the chosen type. */
import { ADDRESS_USES, BLOOD_TYPES, ORGAN_DONOR_CHOICES } from '../../../../shared/schema/administrative.ts';
import { DIRECTIVE_TYPES } from '../../../../shared/schema/advance-directive.ts';
import {
  ALLERGY_CATEGORIES,
  ALLERGY_CRITICALITIES,
  ALLERGY_SEVERITIES,
  ALLERGY_STATUSES,
  ALLERGY_TYPES,
} from '../../../../shared/schema/allergy.ts';
import { CONDITION_STATUSES } from '../../../../shared/schema/condition.ts';
import { FAMILY_RELATIONSHIPS } from '../../../../shared/schema/family-history.ts';
import { LAB_INTERPRETATIONS } from '../../../../shared/schema/lab-result.ts';
import { SMOKING_STATUSES } from '../../../../shared/schema/lifestyle.ts';
import { MEDICATION_ROUTES } from '../../../../shared/schema/medication.ts';
import { PREGNANCY_OUTCOMES, PREGNANCY_STATUSES } from '../../../../shared/schema/pregnancy.ts';
import { PROCEDURE_STATUSES } from '../../../../shared/schema/procedure.ts';
import { type FieldSpec, type FormValues, optionSet } from './field-spec.ts';
import type { WritableKind } from './kinds.ts';
import { nowLocalInput, todayInput } from './local-time.ts';
import {
  isMeasurementType,
  MEASUREMENT_TYPES,
  type MeasurementType,
  unitCodes,
  unitText,
} from './measurement-units.ts';

const note: FieldSpec = { path: 'note', input: 'textarea', label: 'fields.note' };

function select(
  path: string,
  label: string,
  options: readonly string[],
  set: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { path, input: 'select', label: `fields.${label}`, options, optionLabel: optionSet(set), ...extra };
}

const STATIC_FIELDS: { readonly [K in Exclude<WritableKind, 'measurement'>]: readonly FieldSpec[] } = {
  allergy: [
    { path: 'substance', input: 'text', label: 'fields.substance', required: true },
    select('severity', 'severity', ALLERGY_SEVERITIES, 'severity', { required: true, emptyChoice: true }),
    { path: 'reactions', input: 'list', label: 'fields.reactions', hint: 'hints.reactions', keepEmpty: true },
    select('category', 'category', ALLERGY_CATEGORIES, 'allergyCategory', { initial: 'other' }),
    select('type', 'allergyType', ALLERGY_TYPES, 'allergyType'),
    select('criticality', 'criticality', ALLERGY_CRITICALITIES, 'criticality', {
      initial: 'unable-to-assess',
    }),
    select('status', 'status', ALLERGY_STATUSES, 'allergyStatus'),
    { path: 'onsetDate', input: 'date', label: 'fields.onsetDate' },
    note,
  ],
  condition: [
    { path: 'name', input: 'text', label: 'fields.conditionName', required: true },
    select('clinicalStatus', 'clinicalStatus', CONDITION_STATUSES, 'conditionStatus'),
    { path: 'onsetDate', input: 'date', label: 'fields.onsetDate' },
    { path: 'abatementDate', input: 'date', label: 'fields.abatementDate' },
    { path: 'critical', input: 'checkbox', label: 'fields.critical', hint: 'hints.critical' },
    note,
  ],
  medication: [
    { path: 'name', input: 'text', label: 'fields.medicationName', required: true },
    { path: 'dose', input: 'text', label: 'fields.dose', hint: 'hints.dose', required: true },
    { path: 'frequency', input: 'text', label: 'fields.frequency', hint: 'hints.frequency', required: true },
    select('route', 'route', MEDICATION_ROUTES, 'route'),
    {
      path: 'startDate',
      input: 'date',
      label: 'fields.startDate',
      required: true,
      initial: () => todayInput(),
    },
    { path: 'stopDate', input: 'date', label: 'fields.stopDate' },
    { path: 'asNeeded', input: 'checkbox', label: 'fields.asNeeded' },
    { path: 'highRisk', input: 'checkbox', label: 'fields.highRisk', hint: 'hints.highRisk' },
    { path: 'reason', input: 'text', label: 'fields.reason' },
    { path: 'prescriber', input: 'text', label: 'fields.prescriber' },
    note,
  ],
  vaccination: [
    { path: 'vaccine', input: 'text', label: 'fields.vaccine', required: true },
    { path: 'date', input: 'date', label: 'fields.vaccinationDate', required: true },
    { path: 'doseNumber', input: 'integer', label: 'fields.doseNumber' },
    { path: 'lot', input: 'text', label: 'fields.lot' },
    { path: 'nextDue', input: 'date', label: 'fields.nextDue' },
    { path: 'performer', input: 'text', label: 'fields.performer' },
    note,
  ],
  'lab-result': [
    { path: 'testName', input: 'text', label: 'fields.testName', required: true },
    {
      path: 'value',
      input: 'number-or-text',
      label: 'fields.labValue',
      hint: 'hints.labValue',
      required: true,
    },
    { path: 'unit', input: 'text', label: 'fields.labUnit', hint: 'hints.labUnit' },
    { path: 'date', input: 'date', label: 'fields.labDate', required: true },
    { path: 'referenceRange.low', input: 'number', label: 'fields.referenceLow' },
    { path: 'referenceRange.high', input: 'number', label: 'fields.referenceHigh' },
    { path: 'referenceRange.text', input: 'text', label: 'fields.referenceText' },
    select('interpretation', 'interpretation', LAB_INTERPRETATIONS, 'interpretation', { emptyChoice: true }),
    note,
  ],
  lifestyle: [
    {
      path: 'recordedOn',
      input: 'date',
      label: 'fields.recordedOn',
      required: true,
      initial: () => todayInput(),
    },
    select('smoking.status', 'smokingStatus', SMOKING_STATUSES, 'smoking', { emptyChoice: true }),
    { path: 'smoking.packsPerDay', input: 'number', label: 'fields.packsPerDay' },
    {
      path: 'alcoholUnitsPerWeek',
      input: 'number',
      label: 'fields.alcoholUnitsPerWeek',
      hint: 'hints.alcoholUnitsPerWeek',
    },
    { path: 'diet', input: 'textarea', label: 'fields.diet' },
    { path: 'activityMinutesPerWeek', input: 'integer', label: 'fields.activityMinutesPerWeek' },
    note,
  ],
  administrative: [
    select('bloodType', 'bloodType', BLOOD_TYPES, 'bloodType', { initial: 'unknown' }),
    select('organDonor', 'organDonor', ORGAN_DONOR_CHOICES, 'organDonor', { initial: 'unknown' }),
    { path: 'nationalHealthInsuranceNumber', input: 'text', label: 'fields.nationalHealthInsuranceNumber' },
    { path: 'complementaryInsurance.name', input: 'text', label: 'fields.complementaryInsuranceName' },
    {
      path: 'complementaryInsurance.memberNumber',
      input: 'text',
      label: 'fields.complementaryInsuranceMember',
    },
    { path: 'generalPractitioner.name', input: 'text', label: 'fields.gpName' },
    { path: 'generalPractitioner.phone', input: 'tel', label: 'fields.gpPhone', autocomplete: 'off' },
    { path: 'addresses.0.text', input: 'textarea', label: 'fields.addressText' },
    select('addresses.0.use', 'addressUse', ADDRESS_USES, 'addressUse', { companion: true }),
    note,
  ],
  'emergency-contact': [
    { path: 'name', input: 'text', label: 'fields.contactName', required: true, autocomplete: 'off' },
    { path: 'relationship', input: 'text', label: 'fields.relationship', required: true },
    { path: 'phone', input: 'tel', label: 'fields.phone', required: true, autocomplete: 'off' },
    { path: 'email', input: 'email', label: 'fields.email', autocomplete: 'off' },
    { path: 'priority', input: 'integer', label: 'fields.priority', hint: 'hints.priority', initial: '1' },
    { path: 'languages', input: 'list', label: 'fields.languages', hint: 'hints.languages' },
    note,
  ],
  procedure: [
    { path: 'name', input: 'text', label: 'fields.procedureName', required: true },
    { path: 'date', input: 'date', label: 'fields.procedureDate' },
    select('status', 'procedureStatus', PROCEDURE_STATUSES, 'procedureStatus'),
    { path: 'bodySite', input: 'text', label: 'fields.bodySite' },
    {
      path: 'performer',
      input: 'text',
      label: 'fields.procedurePerformer',
      hint: 'hints.procedurePerformer',
    },
    { path: 'reason', input: 'text', label: 'fields.reason' },
    note,
  ],
  device: [
    { path: 'name', input: 'text', label: 'fields.deviceName', required: true },
    {
      path: 'implanted',
      input: 'checkbox',
      label: 'fields.implanted',
      hint: 'hints.implanted',
      initial: true,
    },
    { path: 'bodySite', input: 'text', label: 'fields.bodySite' },
    { path: 'startDate', input: 'date', label: 'fields.deviceStart' },
    { path: 'endDate', input: 'date', label: 'fields.deviceEnd' },
    { path: 'manufacturer', input: 'text', label: 'fields.manufacturer' },
    { path: 'model', input: 'text', label: 'fields.model' },
    { path: 'serialNumber', input: 'text', label: 'fields.serialNumber' },
    { path: 'udi', input: 'text', label: 'fields.udi', hint: 'hints.udi' },
    note,
  ],
  pregnancy: [
    {
      path: 'recordedOn',
      input: 'date',
      label: 'fields.recordedOn',
      required: true,
      initial: () => todayInput(),
    },
    select('status', 'pregnancyStatus', PREGNANCY_STATUSES, 'pregnancyStatus', { emptyChoice: true }),
    { path: 'expectedDeliveryDate', input: 'date', label: 'fields.expectedDeliveryDate' },
    ...PREGNANCY_OUTCOMES.map(
      (outcome): FieldSpec => ({ path: outcome, input: 'integer', label: `fields.${outcome}` }),
    ),
    note,
  ],
  'family-history': [
    select('relationship', 'familyRelationship', FAMILY_RELATIONSHIPS, 'familyRelationship', {
      required: true,
      emptyChoice: true,
    }),
    { path: 'condition', input: 'text', label: 'fields.familyCondition', required: true },
    { path: 'onsetAge', input: 'integer', label: 'fields.onsetAge' },
    { path: 'causeOfDeath', input: 'checkbox', label: 'fields.causeOfDeath' },
    note,
  ],
  'advance-directive': [
    select('type', 'directiveType', DIRECTIVE_TYPES, 'directiveType', { required: true, emptyChoice: true }),
    { path: 'statement', input: 'textarea', label: 'fields.statement', hint: 'hints.statement' },
    {
      path: 'person.name',
      input: 'text',
      label: 'fields.personName',
      hint: 'hints.personName',
      autocomplete: 'off',
    },
    { path: 'person.relationship', input: 'text', label: 'fields.relationship' },
    { path: 'person.phone', input: 'tel', label: 'fields.phone', autocomplete: 'off' },
    { path: 'person.email', input: 'email', label: 'fields.email', autocomplete: 'off' },
    {
      path: 'documentLocation',
      input: 'text',
      label: 'fields.documentLocation',
      hint: 'hints.documentLocation',
    },
    { path: 'date', input: 'date', label: 'fields.directiveDate' },
    note,
  ],
  note: [
    { path: 'title', input: 'text', label: 'fields.title', required: true },
    { path: 'body', input: 'textarea', label: 'fields.body', required: true },
    { path: 'tags', input: 'list', label: 'fields.tags', hint: 'hints.tags' },
  ],
};

const measurementType: FieldSpec = {
  path: 'type',
  input: 'select',
  label: 'fields.measurementType',
  options: MEASUREMENT_TYPES,
  optionLabel: (value, { tr }) => tr(`measurementTypes.${value}`),
  emptyChoice: true,
  required: true,
};

const measuredAt: FieldSpec = {
  path: 'measuredAt',
  input: 'datetime',
  label: 'fields.measuredAt',
  required: true,
  initial: () => nowLocalInput(),
};

/** The unit chosen, or the type's first unit while the choice belongs to another type. */
function unitOf(type: MeasurementType, chosen: string | boolean | undefined): string {
  const codes: readonly string[] = unitCodes(type);
  return typeof chosen === 'string' && codes.includes(chosen) ? chosen : (codes[0] ?? '');
}

function measurementFields(values: FormValues): readonly FieldSpec[] {
  const type = values.type;
  if (!isMeasurementType(type)) return [measurementType];
  if (type === 'blood-pressure') {
    const mmHg = () => 'mmHg';
    return [
      measurementType,
      { path: 'systolic', input: 'number', label: 'fields.systolic', required: true, suffix: mmHg },
      { path: 'diastolic', input: 'number', label: 'fields.diastolic', required: true, suffix: mmHg },
      { path: 'unit', input: 'fixed', label: 'fields.unit', initial: 'mm[Hg]' },
      measuredAt,
      note,
    ];
  }
  return [
    measurementType,
    {
      path: 'value',
      input: 'number',
      label: `measurementTypes.${type}`,
      required: true,
      suffix: (current, text) => unitText(type, unitOf(type, current.unit), text),
    },
    {
      path: 'unit',
      input: 'select',
      label: 'fields.unit',
      options: unitCodes(type),
      optionLabel: (code, text) => unitText(type, code, text),
    },
    measuredAt,
    note,
  ];
}

/** The fields of a kind's form, given what is typed so far (a measurement's type decides its fields). */
export function formFields(kind: WritableKind, values: FormValues): readonly FieldSpec[] {
  return kind === 'measurement' ? measurementFields(values) : STATIC_FIELDS[kind];
}

/** Every field a kind's form may show, whatever is typed: what an edit replaces in the record. */
export function allFormFields(kind: WritableKind): readonly FieldSpec[] {
  if (kind !== 'measurement') return STATIC_FIELDS[kind];
  return MEASUREMENT_TYPES.flatMap((type) => measurementFields({ type }));
}
