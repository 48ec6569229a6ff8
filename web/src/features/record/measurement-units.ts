/**
 * Measurement types and units as people read them, and conversions between the units of one type,
 * so a chart can draw readings typed in kg and in lb on one axis.
 */
import {
  MEASUREMENT_TYPES,
  type MeasurementType,
  UCUM_UNITS,
  type UcumUnit,
  unitCodes,
  unitLabel,
} from '../../../../shared/schema/ucum-units.ts';
import type { RecordText } from './record-text.ts';

export { MEASUREMENT_TYPES, type MeasurementType, unitCodes };

export function isMeasurementType(value: unknown): value is MeasurementType {
  return typeof value === 'string' && Object.hasOwn(UCUM_UNITS, value);
}

/** The unit as shown: the schema's label, translated where it is a word ("beats/min"). */
export function unitText(type: MeasurementType, code: string, { tr }: RecordText): string {
  if (code === '/min') return tr('units.perMinute');
  return unitLabel(type, code as UcumUnit<typeof type>);
}

/** Each unit as a factor and offset from the type's base unit: base = value × factor + offset. */
const TO_BASE: { readonly [code: string]: { factor: number; offset?: number } } = {
  kg: { factor: 1 },
  g: { factor: 0.001 },
  '[lb_av]': { factor: 0.45359237 },
  cm: { factor: 1 },
  m: { factor: 100 },
  '[in_i]': { factor: 2.54 },
  'mm[Hg]': { factor: 1 },
  '/min': { factor: 1 },
  'mg/dL': { factor: 1 },
  // Glucose: 1 mmol/L = 18.016 mg/dL (molar mass of glucose, 180.16 g/mol).
  'mmol/L': { factor: 18.016 },
  Cel: { factor: 1 },
  '[degF]': { factor: 5 / 9, offset: -32 * (5 / 9) },
  '%': { factor: 1 },
};

/** Converts a value between two units of the same type; unknown units are returned unchanged. */
export function convertUnit(value: number, from: string, to: string): number {
  if (from === to) return value;
  const a = TO_BASE[from];
  const b = TO_BASE[to];
  if (!a || !b) return value;
  const base = value * a.factor + (a.offset ?? 0);
  return (base - (b.offset ?? 0)) / b.factor;
}
