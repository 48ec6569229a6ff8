import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import type { Measurement } from '../../../../shared/schema/measurement.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { chartData, measurementSeries } from './measurement-series.ts';
import { convertUnit } from './measurement-units.ts';

function reading(
  id: string,
  record: Partial<Measurement> & Pick<Measurement, 'type' | 'measuredAt'>,
): RecordEntry {
  return {
    id,
    profileId: 'p',
    rev: 1,
    updatedAt: 0,
    record: { kind: 'measurement', schemaVersion: 1, ...record } as Measurement,
  };
}

describe('convertUnit', () => {
  it.each([
    [1, '[lb_av]', 'kg', 0.45359237],
    [1000, 'g', 'kg', 1],
    [1.8, 'm', 'cm', 180],
    [10, '[in_i]', 'cm', 25.4],
    [5.5, 'mmol/L', 'mg/dL', 99.088],
    [98.6, '[degF]', 'Cel', 37],
    [37, 'Cel', '[degF]', 98.6],
    [72, '/min', '/min', 72],
  ])('%d %s is %d %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBeCloseTo(expected, 6);
  });
});

describe('measurementSeries', () => {
  it('makes one series per type with readings, oldest first, in the order of the types', () => {
    const series = measurementSeries([
      reading('b2', {
        type: 'blood-pressure',
        systolic: 135,
        diastolic: 85,
        unit: 'mm[Hg]',
        measuredAt: '2026-11-21T08:30:00+01:00',
      }),
      reading('w1', { type: 'weight', value: 70, unit: 'kg', measuredAt: '2026-11-01T08:00:00+01:00' }),
      reading('b1', {
        type: 'blood-pressure',
        systolic: 128,
        diastolic: 82,
        unit: 'mm[Hg]',
        measuredAt: '2026-11-20T08:30:00+01:00',
      }),
      { id: 'x', profileId: 'p', rev: 1, updatedAt: 0, record: EXAMPLE_RECORDS.note },
      { id: 'y', profileId: 'p', rev: 1, updatedAt: 0, record: null, problem: 'tampered' },
    ]);
    expect(series.map((s) => [s.type, s.unit, s.readings.map((r) => r.id)])).toEqual([
      ['weight', 'kg', ['w1']],
      ['blood-pressure', 'mm[Hg]', ['b1', 'b2']],
    ]);
    const pressure = series[1];
    if (!pressure) throw new Error('no blood pressure series');
    expect(chartData(pressure)).toEqual([
      [Date.parse('2026-11-20T08:30:00+01:00') / 1000, Date.parse('2026-11-21T08:30:00+01:00') / 1000],
      [128, 135],
      [82, 85],
    ]);
  });

  it('charts mixed units in the unit most readings use, converting the others', () => {
    const [weight] = measurementSeries([
      reading('a', { type: 'weight', value: 150, unit: '[lb_av]', measuredAt: '2026-01-01T08:00:00Z' }),
      reading('b', { type: 'weight', value: 70, unit: 'kg', measuredAt: '2026-01-02T08:00:00Z' }),
      reading('c', { type: 'weight', value: 71, unit: 'kg', measuredAt: '2026-01-03T08:00:00Z' }),
    ]);
    expect(weight?.unit).toBe('kg');
    expect(weight?.converted).toBe(true);
    expect(weight?.readings[0]?.values[0]).toBeCloseTo(68.04, 2);
    expect(weight?.readings[0]?.record).toMatchObject({ value: 150, unit: '[lb_av]' });
  });

  it('breaks a tie with the latest reading’s unit', () => {
    const [temperature] = measurementSeries([
      reading('a', { type: 'temperature', value: 37, unit: 'Cel', measuredAt: '2026-01-01T08:00:00Z' }),
      reading('b', { type: 'temperature', value: 99, unit: '[degF]', measuredAt: '2026-01-02T08:00:00Z' }),
    ]);
    expect(temperature?.unit).toBe('[degF]');
  });
});
