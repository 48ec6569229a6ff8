/** Lab results, measurements, lifestyle and pregnancy → FHIR R4 Observations (LOINC + UCUM). */
import type { Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { LabResult } from '../schema/lab-result.ts';
import type { Lifestyle } from '../schema/lifestyle.ts';
import type { Measurement } from '../schema/measurement.ts';
import { PREGNANCY_OUTCOMES, type Pregnancy } from '../schema/pregnancy.ts';
import {
  CARNET_LIFESTYLE_SYSTEM,
  carnetExtension,
  coding,
  concept,
  DIASTOLIC_LOINC,
  GLUCOSE_LOINC,
  INTERPRETATION_CODES,
  MEASUREMENT_LOINC,
  PREGNANCY_LOINC,
  PREGNANCY_STATUS_SNOMED,
  SMOKING_LOINC,
  SMOKING_SNOMED,
  SYSTEM,
} from './codes.ts';
import { line } from './narrative.ts';
import { label } from './narrative-labels.ts';
import { notes } from './to-fhir-clinical.ts';
import { type MappedRecord, refTo, type ToFhirContext } from './to-fhir-context.ts';

/** `2026-03-15T07:45:00+01:00` → `2026-03-15 07:45` for a narrative a person reads (the resource keeps the instant). */
function readableTime(instant: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant);
  return m ? `${m[1]} ${m[2]}` : instant;
}

function category(code: 'laboratory' | 'vital-signs' | 'social-history') {
  return [{ coding: [coding(SYSTEM.observationCategory, code)] }];
}

function ucum(value: number, unit: string): Quantity {
  return { value, unit, system: SYSTEM.ucum, code: unit };
}

export function labResultToFhir(id: string, r: LabResult, ctx: ToFhirContext): MappedRecord {
  const range = r.referenceRange;
  const resource: Observation = {
    resourceType: 'Observation',
    id: ctx.uuid(id),
    status: 'final',
    category: category('laboratory'),
    code: concept(r.testName, r.code && coding(r.code.system, r.code.code, r.code.display)),
    subject: ctx.patient,
    effectiveDateTime: r.date,
    ...(typeof r.value === 'number'
      ? { valueQuantity: r.unit ? ucum(r.value, r.unit) : { value: r.value } }
      : { valueString: r.value }),
    ...(r.unit !== undefined && typeof r.value !== 'number' ? carnetUnit(r.unit) : {}),
    ...(r.interpretation
      ? {
          interpretation: [
            concept(r.interpretation, coding(SYSTEM.interpretation, INTERPRETATION_CODES[r.interpretation])),
          ],
        }
      : {}),
    ...notes(r.note),
    ...(range
      ? {
          referenceRange: [
            {
              ...(range.low !== undefined
                ? { low: r.unit ? ucum(range.low, r.unit) : { value: range.low } }
                : {}),
              ...(range.high !== undefined
                ? { high: r.unit ? ucum(range.high, r.unit) : { value: range.high } }
                : {}),
              ...(range.text ? { text: range.text } : {}),
            },
          ],
        }
      : {}),
  };
  const value = typeof r.value === 'number' ? `${r.value}${r.unit ? ` ${r.unit}` : ''}` : r.value;
  return {
    section: 'results',
    resources: [resource],
    line: line(r.testName, value, label(ctx.locale, 'interpretation', r.interpretation), r.date),
  };
}

/** A unit beside a text value ("positive", unit "titre") has no FHIR element. */
function carnetUnit(unit: string) {
  return { extension: [carnetExtension('unit', unit)] };
}

export function measurementToFhir(id: string, r: Measurement, ctx: ToFhirContext): MappedRecord {
  const base = {
    resourceType: 'Observation' as const,
    id: ctx.uuid(id),
    status: 'final' as const,
    category: category('vital-signs'),
    subject: ctx.patient,
    effectiveDateTime: r.measuredAt,
    ...notes(r.note),
  };
  if (r.type === 'blood-pressure') {
    const component = (code: string, value: number): ObservationComponent => ({
      code: concept(
        code === SYSTOLIC ? 'Systolic blood pressure' : 'Diastolic blood pressure',
        coding(SYSTEM.loinc, code),
      ),
      valueQuantity: ucum(value, r.unit),
    });
    const resource: Observation = {
      ...base,
      code: concept('Blood pressure', coding(SYSTEM.loinc, MEASUREMENT_LOINC['blood-pressure'])),
      component: [component(SYSTOLIC, r.systolic), component(DIASTOLIC_LOINC, r.diastolic)],
    };
    return {
      section: 'vitalSigns',
      resources: [resource],
      line: line(`${r.systolic}/${r.diastolic} mmHg`, readableTime(r.measuredAt)),
    };
  }
  const loinc = r.type === 'glucose' ? GLUCOSE_LOINC[r.unit] : MEASUREMENT_LOINC[r.type];
  const resource: Observation = {
    ...base,
    code: concept(r.type, coding(SYSTEM.loinc, loinc)),
    valueQuantity: ucum(r.value, r.unit),
  };
  return {
    section: 'vitalSigns',
    resources: [resource],
    line: line(label(ctx.locale, 'measurement', r.type), `${r.value} ${r.unit}`, readableTime(r.measuredAt)),
  };
}

const SYSTOLIC = '8480-6';

export function lifestyleToFhir(id: string, r: Lifestyle, ctx: ToFhirContext): MappedRecord {
  const lifestyle = (code: string) => concept(code, coding(CARNET_LIFESTYLE_SYSTEM, code));
  const components: ObservationComponent[] = [];
  if (r.smoking?.packsPerDay !== undefined) {
    components.push({
      code: lifestyle('packs-per-day'),
      valueQuantity: ucum(r.smoking.packsPerDay, '{pack}/d'),
    });
  }
  if (r.alcoholUnitsPerWeek !== undefined) {
    components.push({
      code: lifestyle('alcohol-units-per-week'),
      valueQuantity: ucum(r.alcoholUnitsPerWeek, '{unit}/wk'),
    });
  }
  if (r.activityMinutesPerWeek !== undefined) {
    components.push({
      code: lifestyle('activity-minutes-per-week'),
      valueQuantity: ucum(r.activityMinutesPerWeek, 'min/wk'),
    });
  }
  if (r.diet !== undefined) components.push({ code: lifestyle('diet'), valueString: r.diet });
  const smoking = r.smoking;
  const resource: Observation = {
    resourceType: 'Observation',
    id: ctx.uuid(id),
    status: 'final',
    category: category('social-history'),
    // The smoking status code when there is one, so receiving systems recognise it; Carnet's otherwise.
    code: smoking
      ? concept('Tobacco smoking status', coding(SYSTEM.loinc, SMOKING_LOINC))
      : lifestyle('lifestyle'),
    subject: ctx.patient,
    effectiveDateTime: r.recordedOn,
    ...(smoking
      ? {
          valueCodeableConcept: concept(
            smoking.status,
            coding(SYSTEM.snomed, SMOKING_SNOMED[smoking.status]),
          ),
        }
      : {}),
    ...notes(r.note),
    ...(components.length > 0 ? { component: components } : {}),
  };
  return {
    section: 'socialHistory',
    resources: [resource],
    line: line(label(ctx.locale, 'smoking', smoking?.status), r.alcoholUnitsPerWeek, r.diet, r.recordedOn),
  };
}

/**
 * The first observation present (status, else due date, else the first outcome) leads; the others
 * are its `hasMember`, so an importer can put the statement back together.
 */
export function pregnancyToFhir(id: string, r: Pregnancy, ctx: ToFhirContext): MappedRecord {
  const observations: Observation[] = [];
  const observation = (suffix: string, code: string, value: Partial<Observation>): Observation => ({
    resourceType: 'Observation',
    id: ctx.uuid(`${id}/${suffix}`),
    status: 'final',
    code: concept(suffix, coding(SYSTEM.loinc, code)),
    subject: ctx.patient,
    effectiveDateTime: r.recordedOn,
    ...value,
  });
  if (r.status) {
    observations.push(
      observation('status', PREGNANCY_LOINC.status, {
        valueCodeableConcept: concept(r.status, coding(SYSTEM.snomed, PREGNANCY_STATUS_SNOMED[r.status])),
      }),
    );
  }
  if (r.expectedDeliveryDate) {
    observations.push(
      observation('expected-delivery', PREGNANCY_LOINC.expectedDelivery, {
        valueDateTime: r.expectedDeliveryDate,
      }),
    );
  }
  for (const outcome of PREGNANCY_OUTCOMES) {
    const count = r[outcome];
    if (count !== undefined) {
      observations.push(observation(outcome, PREGNANCY_LOINC[outcome], { valueInteger: count }));
    }
  }
  const [lead, ...members] = observations;
  if (lead === undefined) throw new Error('A parsed pregnancy record always has an observation');
  if (r.note) lead.note = [{ text: r.note }];
  if (members.length > 0) lead.hasMember = members.map(refTo);
  return {
    section: 'pregnancy',
    resources: [lead, ...members],
    line: line(
      label(ctx.locale, 'pregnancy', r.status),
      r.expectedDeliveryDate && `${label(ctx.locale, 'words', 'due')} ${r.expectedDeliveryDate}`,
      r.recordedOn,
    ),
  };
}
