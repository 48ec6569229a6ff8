/**
 * Observations → pregnancy (status, due date and outcomes put back together through `hasMember`),
 * lifestyle (smoking status and Carnet's components), measurements (the vital signs Carnet charts,
 * in its units) or, for any other observation with a value, a lab result.
 */
import type { Observation, Quantity } from '@medplum/fhirtypes';
import { PREGNANCY_OUTCOMES } from '../schema/pregnancy.ts';
import { UCUM_UNITS } from '../schema/ucum-units.ts';
import {
  CARNET_LIFESTYLE_SYSTEM,
  carnetValue,
  DIASTOLIC_LOINC,
  GLUCOSE_LOINC,
  type INTERPRETATION_CODES,
  MEASUREMENT_LOINC,
  PREGNANCY_LOINC,
  PREGNANCY_STATUS_SNOMED,
  SMOKING_LOINC,
  SMOKING_LOINC_ANSWERS,
  SMOKING_SNOMED,
  SYSTEM,
  SYSTOLIC_LOINC,
} from './codes.ts';
import { codeOf, dayOf, defined, type MapResult, notesOf, type Reader, textOf } from './fhir-read.ts';

const USED = [
  'status',
  'category',
  'code',
  'subject',
  'effectiveDateTime',
  'effectivePeriod',
  'issued',
  'note',
];

function loincOf(o: Observation): string | undefined {
  return o.code.coding?.find((c) => c.system === SYSTEM.loinc)?.code;
}

const PREGNANCY_CODES = new Set<string>(Object.values(PREGNANCY_LOINC));

function pregnancyParts(o: Observation): Record<string, unknown> {
  const loinc = loincOf(o);
  if (loinc === PREGNANCY_LOINC.status) {
    const snomed = o.valueCodeableConcept?.coding?.find((c) => c.system === SYSTEM.snomed)?.code;
    const status = Object.entries(PREGNANCY_STATUS_SNOMED).find(([, code]) => code === snomed)?.[0];
    return { status: status ?? 'unknown' };
  }
  if (loinc === PREGNANCY_LOINC.expectedDelivery) return { expectedDeliveryDate: dayOf(o.valueDateTime) };
  const outcome = PREGNANCY_OUTCOMES.find((key) => PREGNANCY_LOINC[key] === loinc);
  const count = o.valueInteger ?? o.valueQuantity?.value;
  return outcome && count !== undefined ? { [outcome]: count } : {};
}

function pregnancyFromFhir(o: Observation, read: Reader): MapResult {
  const members = (o.hasMember ?? [])
    .map((m) => ({ reference: m.reference, resource: read.resolve(m.reference) }))
    .filter(
      (m): m is { reference: string; resource: Observation } => m.resource?.resourceType === 'Observation',
    );
  const parts = [o, ...members.map((m) => m.resource)].map(pregnancyParts);
  const record = defined({
    kind: 'pregnancy',
    schemaVersion: 1,
    recordedOn: dayOf(o.effectiveDateTime ?? o.effectivePeriod?.start) ?? read.today,
    ...Object.assign({}, ...parts),
    note: notesOf(o.note),
  });
  return [
    {
      record,
      used: [
        ...USED,
        'valueCodeableConcept',
        'valueDateTime',
        'valueInteger',
        'valueQuantity',
        'hasMember',
        'performer',
      ],
      consumes: members.map((m) => m.reference),
    },
  ];
}

function smokingStatus(o: Observation): string | undefined {
  for (const c of o.valueCodeableConcept?.coding ?? []) {
    if (c.system === SYSTEM.snomed) {
      const found = Object.entries(SMOKING_SNOMED).find(([, code]) => code === c.code)?.[0];
      if (found) return found;
    }
    if (c.system === SYSTEM.loinc && c.code) return SMOKING_LOINC_ANSWERS[c.code];
  }
  return undefined;
}

function lifestyleFromFhir(o: Observation): MapResult {
  const component = (code: string) =>
    o.component?.find((c) =>
      c.code.coding?.some((x) => x.system === CARNET_LIFESTYLE_SYSTEM && x.code === code),
    );
  const status = loincOf(o) === SMOKING_LOINC ? smokingStatus(o) : undefined;
  const packs = component('packs-per-day')?.valueQuantity?.value;
  const record = defined({
    kind: 'lifestyle',
    schemaVersion: 1,
    recordedOn: dayOf(o.effectiveDateTime ?? o.effectivePeriod?.start),
    smoking: status ? defined({ status, packsPerDay: packs }) : undefined,
    alcoholUnitsPerWeek: component('alcohol-units-per-week')?.valueQuantity?.value,
    diet: component('diet')?.valueString,
    activityMinutesPerWeek: component('activity-minutes-per-week')?.valueQuantity?.value,
    note: notesOf(o.note),
  });
  return [{ record, used: [...USED, 'valueCodeableConcept', 'component', 'performer'] }];
}

/** The measurement type of a vital sign, when its code and unit are ones Carnet charts. */
function measurementType(loinc: string | undefined, unit: string | undefined): string | undefined {
  if (loinc === GLUCOSE_LOINC['mg/dL'] || loinc === GLUCOSE_LOINC['mmol/L']) return 'glucose';
  const type = Object.entries(MEASUREMENT_LOINC).find(([, code]) => code === loinc)?.[0];
  if (!type || type === 'blood-pressure') return type;
  return unit !== undefined && unit in UCUM_UNITS[type as keyof typeof UCUM_UNITS] ? type : undefined;
}

function unitOf(q: Quantity | undefined): string | undefined {
  return q?.system === SYSTEM.ucum || q?.code ? (q?.code ?? q?.unit) : q?.unit;
}

function measurementFromFhir(o: Observation, type: string): MapResult {
  const measuredAt = o.effectiveDateTime ?? o.effectivePeriod?.start;
  const base = { kind: 'measurement', schemaVersion: 1, type, measuredAt, note: notesOf(o.note) };
  const used = [...USED, 'valueQuantity', 'component', 'performer'];
  if (type === 'blood-pressure') {
    const part = (code: string) =>
      o.component?.find((c) => c.code.coding?.some((x) => x.system === SYSTEM.loinc && x.code === code))
        ?.valueQuantity;
    const systolic = part(SYSTOLIC_LOINC);
    return [
      {
        record: defined({
          ...base,
          systolic: systolic?.value,
          diastolic: part(DIASTOLIC_LOINC)?.value,
          unit: unitOf(systolic) ?? 'mm[Hg]',
        }),
        used,
      },
    ];
  }
  return [
    { record: defined({ ...base, value: o.valueQuantity?.value, unit: unitOf(o.valueQuantity) }), used },
  ];
}

const INTERPRETATIONS: Readonly<Record<string, keyof typeof INTERPRETATION_CODES>> = {
  L: 'low',
  LL: 'critical',
  N: 'normal',
  H: 'high',
  HH: 'critical',
  AA: 'critical',
};

function labFromFhir(o: Observation): MapResult | undefined {
  const value =
    o.valueQuantity?.value ??
    o.valueString ??
    textOf(o.valueCodeableConcept) ??
    o.valueInteger ??
    (o.valueBoolean === undefined ? undefined : String(o.valueBoolean));
  if (value === undefined) return undefined;
  const range = o.referenceRange?.[0];
  const interpretation = o.interpretation?.[0]?.coding?.find((c) => c.system === SYSTEM.interpretation)?.code;
  const record = defined({
    kind: 'lab-result',
    schemaVersion: 1,
    testName: textOf(o.code),
    code: codeOf(o.code, ['loinc']),
    value,
    unit: unitOf(o.valueQuantity) ?? carnetValue(o.extension, 'unit'),
    referenceRange: range
      ? defined({ low: range.low?.value, high: range.high?.value, text: range.text })
      : undefined,
    date: dayOf(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued),
    interpretation: interpretation ? INTERPRETATIONS[interpretation] : undefined,
    note: notesOf(o.note),
  });
  const used = [
    ...USED,
    'extension',
    'valueQuantity',
    'valueString',
    'valueCodeableConcept',
    'valueInteger',
    'valueBoolean',
    'referenceRange',
    'interpretation',
  ];
  return [{ record, used }];
}

/** Undefined when the observation has no value Carnet can hold: it becomes a note. */
export function observationFromFhir(o: Observation, read: Reader): MapResult | undefined {
  if (o.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const loinc = loincOf(o);
  if (loinc !== undefined && PREGNANCY_CODES.has(loinc)) return pregnancyFromFhir(o, read);
  const isLifestyle = o.code.coding?.some((c) => c.system === CARNET_LIFESTYLE_SYSTEM);
  if (loinc === SMOKING_LOINC || isLifestyle) return lifestyleFromFhir(o);
  const type = measurementType(loinc, unitOf(o.valueQuantity));
  if (type) return measurementFromFhir(o, type);
  return labFromFhir(o);
}
