import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import { parseRecord } from '../../../../shared/schema/record.ts';
import { buildRecord, initialValues, parseNumber } from './build-record.ts';
import { allFormFields, formFields } from './field-specs.ts';
import type { WritableKind } from './kinds.ts';
import { toLocalInput } from './local-time.ts';

function build(kind: WritableKind, values: Record<string, string | boolean>, original?: object) {
  const start = initialValues(allFormFields(kind), original);
  const all = { ...start, ...values };
  const managed = allFormFields(kind).map((f) => f.path);
  return buildRecord(kind, formFields(kind, all), all, original ? { record: original, managed } : undefined);
}

describe('parseNumber', () => {
  it.each([
    ['72.5', 72.5],
    ['72,5', 72.5],
    [' 1 000 ', 1000],
    ['-3', -3],
    ['.5', 0.5],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it.each(['', '12a', '1,2,3', 'abc', '1e5'])('does not read %j', (raw) => {
    expect(parseNumber(raw)).toBeUndefined();
  });
});

describe('buildRecord', () => {
  it('builds a valid allergy from a new form, leaving empty optional fields out', () => {
    const record = build('allergy', {
      substance: ' Pénicilline ',
      severity: 'severe',
      reactions: 'Hives\n\n Swollen lips ',
    });
    expect(record).toEqual({
      kind: 'allergy',
      schemaVersion: 1,
      substance: 'Pénicilline',
      severity: 'severe',
      reactions: ['Hives', 'Swollen lips'],
      category: 'other',
      type: 'allergy',
      criticality: 'unable-to-assess',
      status: 'active',
    });
    expect(parseRecord(record).ok).toBe(true);
  });

  it('keeps an empty list the schema requires, and leaves out an optional one', () => {
    expect(build('allergy', { substance: 'Latex', severity: 'mild' }).reactions).toEqual([]);
    expect(build('note', { title: 'T', body: 'B' })).not.toHaveProperty('tags');
  });

  it('omits an unchosen select that has a "Choose…" entry, so the schema says it is required', () => {
    const record = build('allergy', { substance: 'Latex' });
    expect(record).not.toHaveProperty('severity');
  });

  it('writes numbers as numbers, in either decimal notation, and passes bad numbers on as text', () => {
    const weight = build('measurement', { type: 'weight', value: '72,5', measuredAt: '2025-03-14T08:15' });
    expect(weight).toMatchObject({ type: 'weight', value: 72.5, unit: 'kg' });
    expect(weight.measuredAt).toMatch(/^2025-03-14T08:15:00[+-]\d{2}:\d{2}$/);
    expect(parseRecord(weight).ok).toBe(true);
    expect(build('vaccination', { vaccine: 'X', date: '2024-01-01', doseNumber: '2b' }).doseNumber).toBe(
      '2b',
    );
  });

  it('gives a blood pressure its fixed unit and only its own fields', () => {
    const record = build('measurement', {
      type: 'blood-pressure',
      systolic: '128',
      diastolic: '82',
      value: '70',
      measuredAt: '2025-03-14T08:15',
    });
    expect(record).toMatchObject({ type: 'blood-pressure', systolic: 128, diastolic: 82, unit: 'mm[Hg]' });
    expect(record).not.toHaveProperty('value');
    expect(parseRecord(record).ok).toBe(true);
  });

  it('uses the first unit of the chosen type when the unit typed belonged to another type', () => {
    expect(
      build('measurement', { type: 'glucose', unit: 'kg', value: '5.4', measuredAt: '2025-03-14T08:15' })
        .unit,
    ).toBe('mg/dL');
  });

  it('builds nested groups only when one of their fields is filled', () => {
    const empty = build('lifestyle', { recordedOn: '2025-02-01', alcoholUnitsPerWeek: '4' });
    expect(empty).not.toHaveProperty('smoking');
    const smoking = build('lifestyle', {
      recordedOn: '2025-02-01',
      'smoking.status': 'former',
      'smoking.packsPerDay': '0,5',
    });
    expect(smoking.smoking).toEqual({ status: 'former', packsPerDay: 0.5 });
    expect(parseRecord(smoking).ok).toBe(true);
  });

  it('writes an address type only with an address', () => {
    expect(build('administrative', {})).not.toHaveProperty('addresses');
    expect(build('administrative', { 'addresses.0.text': '12 rue des Lilas' }).addresses).toEqual([
      { text: '12 rue des Lilas', use: 'home' },
    ]);
  });

  it('turns every example record into form values and back into the same record', () => {
    for (const kind of [
      'allergy',
      'condition',
      'medication',
      'vaccination',
      'lab-result',
      'lifestyle',
      'administrative',
      'emergency-contact',
      'note',
      'measurement',
    ] as const) {
      const example = EXAMPLE_RECORDS[kind];
      const values = initialValues(allFormFields(kind), example);
      const managed = allFormFields(kind).map((f) => f.path);
      const rebuilt = buildRecord(kind, formFields(kind, values), values, { record: example, managed });
      expect(rebuilt, kind).toEqual(example);
    }
  });

  it('keeps what the form does not show when editing: codes, later addresses, a changed field', () => {
    const original = {
      ...EXAMPLE_RECORDS.administrative,
      addresses: [
        { use: 'home', text: 'Lyon' },
        { use: 'work', text: 'Paris' },
      ],
    };
    const record = build('administrative', { 'addresses.0.text': 'Villeurbanne', bloodType: 'A+' }, original);
    expect(record.addresses).toEqual([
      { use: 'home', text: 'Villeurbanne' },
      { use: 'work', text: 'Paris' },
    ]);
    expect(record.bloodType).toBe('A+');
    const allergy = build('allergy', { severity: 'moderate' }, EXAMPLE_RECORDS.allergy);
    expect(allergy.code).toEqual(EXAMPLE_RECORDS.allergy.code);
    expect(allergy.severity).toBe('moderate');
  });

  it('removes a cleared optional field and the fields of another measurement type when editing', () => {
    const note = build('allergy', { note: '' }, EXAMPLE_RECORDS.allergy);
    expect(note).not.toHaveProperty('note');
    const weight = build('measurement', { type: 'weight', value: '70' }, EXAMPLE_RECORDS.measurement);
    expect(weight).not.toHaveProperty('systolic');
    expect(weight).toMatchObject({
      type: 'weight',
      value: 70,
      unit: 'kg',
      measuredAt: EXAMPLE_RECORDS.measurement.measuredAt,
    });
  });

  it('keeps a stored instant as written when its local time was not changed', () => {
    const original = { ...EXAMPLE_RECORDS.measurement, measuredAt: '2025-03-14T08:15:42.5+05:30' };
    const values = initialValues(allFormFields('measurement'), original);
    expect(values.measuredAt).toBe(toLocalInput(original.measuredAt));
    expect(build('measurement', {}, original).measuredAt).toBe(original.measuredAt);
  });

  it('shows a structured dose as text', () => {
    const original = { ...EXAMPLE_RECORDS.medication, dose: { value: 500, unit: 'mg' } };
    expect(initialValues(allFormFields('medication'), original).dose).toBe('500 mg');
  });
});

describe('buildRecord for the IPS kinds', () => {
  it.each([
    ['procedure', { name: 'Appendicectomie', date: '1998-07-12' }],
    ['device', { name: 'Stimulateur cardiaque', bodySite: 'Thorax' }],
    ['pregnancy', { status: 'pregnant', expectedDeliveryDate: '2025-08-20', liveBirths: '1' }],
    ['family-history', { relationship: 'father', condition: 'Infarctus', onsetAge: '52' }],
    [
      'advance-directive',
      { type: 'trusted-person', 'person.name': 'Julie Martin', 'person.phone': '06 98 76 54 32' },
    ],
  ] as const)('builds a valid %s from a new form', (kind, values) => {
    expect(parseRecord(build(kind, values))).toMatchObject({ ok: true });
  });

  it.each(['procedure', 'device', 'pregnancy', 'family-history', 'advance-directive'] as const)(
    'edits the example %s without losing a field',
    (kind) => {
      const example = EXAMPLE_RECORDS[kind];
      expect(build(kind, {}, example)).toEqual(example);
    },
  );
});
