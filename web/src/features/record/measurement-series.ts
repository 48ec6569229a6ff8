/**
 * Measurements arranged for charts: one series per type that has readings, oldest first. A type
 * whose readings use several units is charted in the unit most readings use (the latest reading's
 * unit breaks a tie) and the others are converted into it; the table keeps each reading as typed.
 */
import type { Measurement } from '../../../../shared/schema/measurement.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { convertUnit, MEASUREMENT_TYPES, type MeasurementType } from './measurement-units.ts';

export interface Reading {
  readonly id: string;
  readonly record: Measurement;
  /** Seconds since the epoch, uPlot's x scale. */
  readonly time: number;
  /** In the series' unit: one value, or systolic and diastolic. */
  readonly values: readonly number[];
}

export interface MeasurementSeries {
  readonly type: MeasurementType;
  /** The UCUM code the chart uses. */
  readonly unit: string;
  /** True when some readings were converted from another unit. */
  readonly converted: boolean;
  /** Oldest first. */
  readonly readings: readonly Reading[];
}

function chartUnit(readings: readonly Measurement[]): string {
  const counts = new Map<string, number>();
  for (const reading of readings) counts.set(reading.unit, (counts.get(reading.unit) ?? 0) + 1);
  const best = Math.max(...counts.values());
  // Readings are oldest first: the last one with the best count is the most recent.
  return readings.filter((r) => counts.get(r.unit) === best).at(-1)?.unit ?? readings[0]?.unit ?? '';
}

function valuesOf(record: Measurement, unit: string): number[] {
  if (record.type === 'blood-pressure') return [record.systolic, record.diastolic];
  return [convertUnit(record.value, record.unit, unit)];
}

export function measurementSeries(entries: readonly RecordEntry[]): MeasurementSeries[] {
  const measurements = entries
    .flatMap((entry) =>
      entry.record?.kind === 'measurement'
        ? [{ id: entry.id, record: entry.record, time: Date.parse(entry.record.measuredAt) / 1000 }]
        : [],
    )
    .sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));

  return MEASUREMENT_TYPES.flatMap((type): MeasurementSeries[] => {
    const ofType = measurements.filter((m) => m.record.type === type);
    if (ofType.length === 0) return [];
    const unit = chartUnit(ofType.map((m) => m.record));
    return [
      {
        type,
        unit,
        converted: ofType.some((m) => m.record.unit !== unit),
        readings: ofType.map((m) => ({ ...m, values: valuesOf(m.record, unit) })),
      },
    ];
  });
}

/** uPlot's column data: x (seconds), then one array per line (two for blood pressure). */
export function chartData(series: MeasurementSeries): number[][] {
  const lines = series.type === 'blood-pressure' ? 2 : 1;
  const columns: number[][] = [series.readings.map((r) => r.time)];
  for (let line = 0; line < lines; line++)
    columns.push(series.readings.map((r) => r.values[line] ?? Number.NaN));
  return columns;
}
