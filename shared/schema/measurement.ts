/**
 * Vital signs and home measurements (modelled on FHIR Observation, category vital-signs), one
 * variant per `type`, each with UCUM units and plausibility bounds. The bounds reject typing
 * slips (a weight of 700 kg, a temperature of 375 °C), not rare but real values: they are wide on
 * purpose, because refusing a true extreme reading would lose data.
 */

import { isoDateTime, messages, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import {
  MEASUREMENT_TYPES,
  type MeasurementType,
  type UcumUnit,
  unitCodes,
  unitLabel,
} from './ucum-units.ts';
import { z } from './zod.ts';

interface Bounds {
  readonly min: number;
  readonly max: number;
}

type BoundsByUnit<T extends MeasurementType> = { readonly [U in UcumUnit<T>]: Bounds };

export const MEASUREMENT_BOUNDS: {
  readonly [T in Exclude<MeasurementType, 'blood-pressure'>]: BoundsByUnit<T>;
} & { readonly 'blood-pressure': { readonly systolic: Bounds; readonly diastolic: Bounds } } = {
  weight: { kg: { min: 0.2, max: 500 }, g: { min: 200, max: 500_000 }, '[lb_av]': { min: 0.5, max: 1_100 } },
  height: { cm: { min: 20, max: 280 }, m: { min: 0.2, max: 2.8 }, '[in_i]': { min: 8, max: 110 } },
  'blood-pressure': { systolic: { min: 40, max: 300 }, diastolic: { min: 20, max: 200 } },
  'heart-rate': { '/min': { min: 20, max: 300 } },
  glucose: { 'mg/dL': { min: 5, max: 2_000 }, 'mmol/L': { min: 0.3, max: 110 } },
  temperature: { Cel: { min: 25, max: 45 }, '[degF]': { min: 77, max: 113 } },
  spo2: { '%': { min: 0, max: 100 } },
};

const common = {
  kind: z.literal('measurement'),
  schemaVersion,
  measuredAt: isoDateTime('Measurement time'),
  note: text('Note', TEXT_MAX.medium).optional(),
};

function reading(label: string) {
  return z.number({ error: messages(label, `${label} must be a number`) });
}

function units<T extends MeasurementType>(type: T, label: string) {
  return oneOf(`${label} unit`, unitCodes(type));
}

function outOfRange(label: string, bounds: Bounds, unit: string): string {
  return `${label} must be between ${bounds.min} and ${bounds.max} ${unit}`;
}

/** A variant holding one `value` in one of the type's units. */
function singleValue<T extends Exclude<MeasurementType, 'blood-pressure'>>(type: T, label: string) {
  return z
    .strictObject({ ...common, type: z.literal(type), value: reading(label), unit: units(type, label) })
    .superRefine((m, ctx) => {
      const bounds = (MEASUREMENT_BOUNDS[type] as BoundsByUnit<T>)[m.unit as UcumUnit<T>];
      if (m.value < bounds.min || m.value > bounds.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: outOfRange(label, bounds, unitLabel(type, m.unit as UcumUnit<T>)),
        });
      }
    });
}

const bloodPressureSchema = z
  .strictObject({
    ...common,
    type: z.literal('blood-pressure'),
    systolic: reading('Systolic pressure'),
    diastolic: reading('Diastolic pressure'),
    unit: units('blood-pressure', 'Blood pressure'),
  })
  .superRefine((m, ctx) => {
    const { systolic, diastolic } = MEASUREMENT_BOUNDS['blood-pressure'];
    if (m.systolic < systolic.min || m.systolic > systolic.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['systolic'],
        message: outOfRange('Systolic pressure', systolic, 'mmHg'),
      });
    }
    if (m.diastolic < diastolic.min || m.diastolic > diastolic.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['diastolic'],
        message: outOfRange('Diastolic pressure', diastolic, 'mmHg'),
      });
    }
    if (m.systolic <= m.diastolic) {
      ctx.addIssue({
        code: 'custom',
        path: ['diastolic'],
        message: 'Systolic pressure must be higher than diastolic pressure',
      });
    }
  });

export const measurementSchema = z.discriminatedUnion(
  'type',
  [
    singleValue('weight', 'Weight'),
    singleValue('height', 'Height'),
    bloodPressureSchema,
    singleValue('heart-rate', 'Heart rate'),
    singleValue('glucose', 'Glucose'),
    singleValue('temperature', 'Temperature'),
    singleValue('spo2', 'SpO2'),
  ],
  { error: messages('Measurement type', `Measurement type must be one of: ${MEASUREMENT_TYPES.join(', ')}`) },
);

export type Measurement = z.infer<typeof measurementSchema>;
