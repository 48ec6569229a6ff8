/**
 * The UCUM unit codes each measurement type accepts, with the label shown to people. Codes are
 * stored exactly as written here (case-sensitive, brackets included) so FHIR export needs no mapping.
 */
export const UCUM_UNITS = {
  weight: { kg: 'kg', g: 'g', '[lb_av]': 'lb' },
  height: { cm: 'cm', m: 'm', '[in_i]': 'in' },
  'blood-pressure': { 'mm[Hg]': 'mmHg' },
  'heart-rate': { '/min': 'beats/min' },
  glucose: { 'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L' },
  temperature: { Cel: '°C', '[degF]': '°F' },
  spo2: { '%': '%' },
} as const satisfies Record<string, Record<string, string>>;

export type MeasurementType = keyof typeof UCUM_UNITS;
export type UcumUnit<T extends MeasurementType> = keyof (typeof UCUM_UNITS)[T] & string;

export const MEASUREMENT_TYPES = Object.keys(UCUM_UNITS) as [MeasurementType, ...MeasurementType[]];

/** The accepted codes for one type, as a non-empty tuple for `z.enum`. */
export function unitCodes<T extends MeasurementType>(type: T): [UcumUnit<T>, ...UcumUnit<T>[]] {
  return Object.keys(UCUM_UNITS[type]) as [UcumUnit<T>, ...UcumUnit<T>[]];
}

export function unitLabel<T extends MeasurementType>(type: T, unit: UcumUnit<T>): string {
  return (UCUM_UNITS[type] as Record<string, string>)[unit] ?? unit;
}
