import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';
import { UCUM_UNITS } from './ucum-units.ts';

const bloodPressure = EXAMPLE_RECORDS.measurement;
const base = { kind: 'measurement', schemaVersion: 1, measuredAt: '2025-03-14T07:30:00+01:00' };

describe('measurement', () => {
  it('accepts a blood pressure of 128/82 mm[Hg]', () => {
    expect(parseRecord(bloodPressure)).toEqual({ ok: true, value: bloodPressure });
  });

  it.each([
    { type: 'weight', value: 72.5, unit: 'kg' },
    { type: 'weight', value: 3_350, unit: 'g' },
    { type: 'weight', value: 160, unit: '[lb_av]' },
    { type: 'height', value: 176, unit: 'cm' },
    { type: 'height', value: 69, unit: '[in_i]' },
    { type: 'heart-rate', value: 64, unit: '/min' },
    { type: 'glucose', value: 5.4, unit: 'mmol/L' },
    { type: 'glucose', value: 97, unit: 'mg/dL' },
    { type: 'temperature', value: 38.4, unit: 'Cel' },
    { type: 'temperature', value: 101.3, unit: '[degF]' },
    { type: 'spo2', value: 97, unit: '%' },
  ])('accepts $type $value $unit', (reading) => {
    const record = { ...base, ...reading };
    expect(parseRecord(record)).toEqual({ ok: true, value: record });
  });

  it('rejects a blood pressure whose systolic is not above its diastolic', () => {
    expect(recordIssues({ ...bloodPressure, systolic: 80, diastolic: 120 })).toEqual([
      { path: 'diastolic', message: 'Systolic pressure must be higher than diastolic pressure' },
    ]);
  });

  it('rejects a blood pressure in another unit', () => {
    expect(recordIssues({ ...bloodPressure, unit: 'mmHg' })).toEqual([
      { path: 'unit', message: 'Blood pressure unit must be one of: mm[Hg]' },
    ]);
  });

  it('rejects a temperature of 375 °C as implausible, naming the bounds', () => {
    expect(recordIssues({ ...base, type: 'temperature', value: 375, unit: 'Cel' })).toEqual([
      { path: 'value', message: 'Temperature must be between 25 and 45 °C' },
    ]);
  });

  it('checks bounds in the unit given: 100 is a fever in °F, impossible in °C', () => {
    expect(parseRecord({ ...base, type: 'temperature', value: 100, unit: '[degF]' }).ok).toBe(true);
    expect(recordIssues({ ...base, type: 'temperature', value: 100, unit: 'Cel' })).toEqual([
      { path: 'value', message: 'Temperature must be between 25 and 45 °C' },
    ]);
  });

  it('rejects an SpO2 above 100 %', () => {
    expect(recordIssues({ ...base, type: 'spo2', value: 101, unit: '%' })).toEqual([
      { path: 'value', message: 'SpO2 must be between 0 and 100 %' },
    ]);
  });

  it('rejects a systolic pressure out of bounds', () => {
    expect(recordIssues({ ...bloodPressure, systolic: 1280 })).toEqual([
      { path: 'systolic', message: 'Systolic pressure must be between 40 and 300 mmHg' },
    ]);
  });

  it('rejects a weight unit that is not UCUM', () => {
    expect(recordIssues({ ...base, type: 'weight', value: 160, unit: 'lbs' })).toEqual([
      { path: 'unit', message: 'Weight unit must be one of: kg, g, [lb_av]' },
    ]);
  });

  it('rejects an unknown measurement type', () => {
    expect(recordIssues({ ...base, type: 'bmi', value: 23.4, unit: 'kg/m2' })).toEqual([
      {
        path: 'type',
        message:
          'Measurement type must be one of: weight, height, blood-pressure, heart-rate, glucose, temperature, spo2',
      },
    ]);
  });

  it('rejects a time without offset, which would order differently across time zones', () => {
    expect(recordIssues({ ...bloodPressure, measuredAt: '2025-03-14T08:15:00' })).toEqual([
      {
        path: 'measuredAt',
        message: 'Measurement time must be a date and time such as 2025-03-14T09:30:00+01:00',
      },
    ]);
  });

  it('rejects a value that is not a number', () => {
    expect(recordIssues({ ...base, type: 'heart-rate', value: '64', unit: '/min' })).toEqual([
      { path: 'value', message: 'Heart rate must be a number' },
    ]);
  });

  it('lists each type with its UCUM codes and display labels', () => {
    expect(UCUM_UNITS.temperature).toEqual({ Cel: '°C', '[degF]': '°F' });
    expect(Object.keys(UCUM_UNITS)).toEqual([
      'weight',
      'height',
      'blood-pressure',
      'heart-rate',
      'glucose',
      'temperature',
      'spo2',
    ]);
  });
});
