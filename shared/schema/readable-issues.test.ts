import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseWith, parseWithDetails } from './readable-issues.ts';
import { recordSchema } from './record.ts';

function detailsOf(input: unknown) {
  const result = parseWithDetails(recordSchema, input);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.issues;
}

describe('detailed issues', () => {
  it('say which fields are missing, with the choices of a missing choice', () => {
    const issues = detailsOf({ kind: 'allergy', schemaVersion: 1, category: 'food' });
    expect(issues.find((i) => i.path === 'substance')).toEqual({
      path: 'substance',
      message: 'Substance is required',
      detail: { code: 'invalid_type', expected: 'string', missing: true },
    });
    expect(issues.find((i) => i.path === 'severity')).toEqual({
      path: 'severity',
      message: 'Severity is required',
      detail: { code: 'invalid_value', values: ['mild', 'moderate', 'severe'], missing: true },
    });
  });

  it('tell a wrong value from a missing one', () => {
    const issues = detailsOf({ ...EXAMPLE_RECORDS.allergy, severity: 'fatal' });
    expect(issues).toEqual([
      {
        path: 'severity',
        message: 'Severity must be one of: mild, moderate, severe',
        detail: { code: 'invalid_value', values: ['mild', 'moderate', 'severe'], missing: false },
      },
    ]);
  });

  it('carry text limits', () => {
    const issues = detailsOf({ ...EXAMPLE_RECORDS.note, title: '', body: 'x'.repeat(20_001) });
    expect(issues.map((i) => [i.path, i.detail])).toEqual([
      ['title', { code: 'too_small', origin: 'string', minimum: 1, missing: false }],
      ['body', { code: 'too_big', origin: 'string', maximum: 20_000, missing: false }],
    ]);
  });

  it('read both bounds of a range, from a check or from a refinement, with its unit', () => {
    const alcohol = detailsOf({ ...EXAMPLE_RECORDS.lifestyle, alcoholUnitsPerWeek: 600 });
    expect(alcohol[0]?.detail).toEqual({
      code: 'too_big',
      origin: 'number',
      minimum: 0,
      maximum: 500,
      missing: false,
    });
    const spo2 = detailsOf({
      kind: 'measurement',
      schemaVersion: 1,
      type: 'spo2',
      value: 140,
      unit: '%',
      measuredAt: '2025-03-14T08:15:00+01:00',
    });
    expect(spo2).toEqual([
      {
        path: 'value',
        message: 'SpO2 must be between 0 and 100 %',
        detail: { code: 'custom', minimum: 0, maximum: 100, unit: '%', missing: false },
      },
    ]);
    const weight = detailsOf({
      kind: 'measurement',
      schemaVersion: 1,
      type: 'weight',
      value: 0.1,
      unit: 'kg',
      measuredAt: '2025-03-14T08:15:00+01:00',
    });
    expect(weight[0]?.detail).toMatchObject({ minimum: 0.2, maximum: 500, unit: 'kg' });
  });

  it('name formats, whole numbers and cross-field refinements', () => {
    const issues = detailsOf({
      ...EXAMPLE_RECORDS.vaccination,
      date: '2024-02-30',
      doseNumber: 1.5,
    });
    expect(issues.map((i) => [i.path, i.detail])).toEqual([
      ['date', { code: 'invalid_format', format: 'date', missing: false }],
      ['doseNumber', { code: 'invalid_type', expected: 'int', missing: false }],
    ]);
    const stop = detailsOf({ ...EXAMPLE_RECORDS.medication, stopDate: '2025-01-01' });
    expect(stop).toEqual([
      {
        path: 'stopDate',
        message: 'Stop date must not be before start date',
        detail: { code: 'custom', missing: false },
      },
    ]);
  });

  it('report each unknown field at its own path', () => {
    const issues = detailsOf({ ...EXAMPLE_RECORDS.note, colour: 'red', mood: 'ok' });
    expect(issues).toEqual([
      {
        path: 'colour',
        message: 'Unknown field "colour" is not allowed here',
        detail: { code: 'unrecognized_key', missing: false },
      },
      {
        path: 'mood',
        message: 'Unknown field "mood" is not allowed here',
        detail: { code: 'unrecognized_key', missing: false },
      },
    ]);
  });

  it('never return the input, which is health data', () => {
    const issues = detailsOf({ ...EXAMPLE_RECORDS.allergy, substance: 'x'.repeat(201), severity: 'fatal' });
    expect(JSON.stringify(issues)).not.toContain('xxxx');
    expect(JSON.stringify(issues)).not.toContain('fatal');
  });

  it('give the same paths and messages as the plain readable issues', () => {
    const input = { ...EXAMPLE_RECORDS.medication, name: '', route: 'nasal', extra: 1 };
    const plain = parseWith(recordSchema, input);
    const detailed = parseWithDetails(recordSchema, input);
    if (plain.ok || detailed.ok) throw new Error('expected the record to be rejected');
    expect(detailed.issues.map(({ path, message }) => ({ path, message }))).toEqual(plain.issues);
  });

  it('return the parsed value when the input is valid', () => {
    expect(parseWithDetails(z.number(), 3)).toEqual({ ok: true, value: 3 });
  });
});
