import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import { parseWithDetails } from '../../../../shared/schema/readable-issues.ts';
import { recordSchema } from '../../../../shared/schema/record.ts';
import { buildRecord, initialValues } from './build-record.ts';
import type { FormValues } from './field-spec.ts';
import { allFormFields, formFields } from './field-specs.ts';
import { fieldForPath, issueMessage } from './issue-text.ts';
import type { WritableKind } from './kinds.ts';
import { testText } from './test-text.ts';

/** What the editor shows for a form: [path, message] per problem, in the given language. */
function messagesFor(kind: WritableKind, typed: FormValues, locale: 'en' | 'fr', original?: object) {
  const values = { ...initialValues(allFormFields(kind), original), ...typed };
  const fields = formFields(kind, values);
  const managed = allFormFields(kind).map((f) => f.path);
  const record = buildRecord(kind, fields, values, original ? { record: original, managed } : undefined);
  const result = parseWithDetails(recordSchema, record);
  if (result.ok) throw new Error('expected the form to be refused');
  return result.issues.map((issue) => [issue.path, issueMessage(issue, fields, values, testText(locale))]);
}

describe('issue messages', () => {
  it('word an out-of-range SpO₂ in English and in French, with the unit', () => {
    const typed = { type: 'spo2', value: '140', measuredAt: '2025-03-14T08:15' };
    expect(messagesFor('measurement', typed, 'en')).toEqual([
      ['value', 'Oxygen saturation (SpO₂) must be between 0 and 100 %.'],
    ]);
    expect(messagesFor('measurement', typed, 'fr')).toEqual([
      ['value', 'Saturation en oxygène (SpO₂) : saisissez une valeur entre 0 et 100 %.'],
    ]);
  });

  it('format bounds as numbers of the language', () => {
    const typed = { type: 'weight', value: '0,1', measuredAt: '2025-03-14T08:15' };
    expect(messagesFor('measurement', typed, 'fr')).toEqual([
      ['value', 'Poids : saisissez une valeur entre 0,2 et 500 kg.'],
    ]);
  });

  it('say which fields are required, by their translated label', () => {
    expect(messagesFor('allergy', {}, 'fr')).toEqual([
      ['substance', 'Substance : ce champ est obligatoire.'],
      ['severity', 'Gravité : ce champ est obligatoire.'],
    ]);
    expect(messagesFor('medication', { startDate: '' }, 'en')).toEqual([
      ['name', 'Medication name is required.'],
      ['dose', 'Dose is required.'],
      ['frequency', 'Frequency is required.'],
      ['startDate', 'Start date is required.'],
    ]);
  });

  it('translate refinements between fields', () => {
    const typed = {
      name: 'X',
      dose: '1 g',
      frequency: 'daily',
      startDate: '2025-03-10',
      stopDate: '2025-03-01',
    };
    expect(messagesFor('medication', typed, 'fr')).toEqual([
      ['stopDate', 'La date d’arrêt ne peut pas précéder la date de début.'],
    ]);
    const pressure = {
      type: 'blood-pressure',
      systolic: '80',
      diastolic: '90',
      measuredAt: '2025-03-14T08:15',
    };
    expect(messagesFor('measurement', pressure, 'en')).toEqual([
      ['diastolic', 'The systolic pressure must be higher than the diastolic pressure.'],
    ]);
    expect(messagesFor('lifestyle', { recordedOn: '2025-01-01' }, 'fr')).toEqual([
      ['', 'Renseignez au moins le tabac, l’alcool, l’alimentation ou l’activité physique.'],
    ]);
  });

  it('translate the refinements of the IPS kinds (devices, pregnancy, advance directives)', () => {
    const device = { name: 'Pacemaker', startDate: '2025-03-10', endDate: '2025-03-01' };
    expect(messagesFor('device', device, 'fr').map(([, m]) => m)).toContain(
      'La date de fin ne peut pas précéder la date de début.',
    );
    const directive = { type: 'trusted-person', writtenOn: '2025-03-10' };
    expect(messagesFor('advance-directive', directive, 'fr').map(([, m]) => m)).toContain(
      'Indiquez le nom de la personne de confiance.',
    );
  });

  it('word numbers, whole numbers, dates, formats and lengths', () => {
    expect(messagesFor('vaccination', { vaccine: 'X', date: '2024-02-30', doseNumber: '1.5' }, 'fr')).toEqual(
      [
        ['date', 'Date : saisissez une date qui existe.'],
        ['doseNumber', 'Numéro de la dose : saisissez un nombre entier.'],
      ],
    );
    expect(
      messagesFor('emergency-contact', { name: 'A', relationship: 'B', phone: 'abc', email: 'x' }, 'en'),
    ).toEqual([
      ['phone', 'Phone may contain only digits, spaces and the signs + - . ( ).'],
      ['email', 'Email must be an email address such as name@example.org.'],
    ]);
    expect(
      messagesFor('emergency-contact', { name: 'A', relationship: 'B', phone: '12', priority: 'x' }, 'fr'),
    ).toEqual([
      ['phone', 'Téléphone : le numéro doit compter entre 6 et 20 chiffres.'],
      ['priority', 'Ordre d’appel : saisissez un nombre.'],
    ]);
    expect(messagesFor('note', { title: 'x'.repeat(201), body: 'b' }, 'fr')).toEqual([
      ['title', 'Titre : 200 caractères au maximum.'],
    ]);
    expect(messagesFor('lifestyle', { recordedOn: '2025-01-01', alcoholUnitsPerWeek: '600' }, 'en')).toEqual([
      ['alcoholUnitsPerWeek', 'Alcohol units per week must be between 0 and 500.'],
    ]);
  });

  it('fall back to the schema’s English sentence for what it cannot word', () => {
    const fields = formFields('note', {});
    const issue = {
      path: 'mystery',
      message: 'Something odd',
      detail: { code: 'custom', missing: false },
    } as const;
    expect(issueMessage(issue, fields, {}, testText('fr'))).toBe('Something odd');
  });

  it('name unknown fields in the language of the page', () => {
    const original = { ...EXAMPLE_RECORDS.note, colour: 'red' };
    expect(messagesFor('note', {}, 'fr', original)).toEqual([
      ['colour', 'Le champ « colour » n’est pas autorisé ici.'],
    ]);
  });
});

describe('fieldForPath', () => {
  const lab = formFields('lab-result', {});
  it('finds the field, the list holding an entry, or the first field of a group', () => {
    expect(fieldForPath(lab, 'testName')?.path).toBe('testName');
    expect(fieldForPath(formFields('allergy', {}), 'reactions.2')?.path).toBe('reactions');
    expect(fieldForPath(lab, 'referenceRange')?.path).toBe('referenceRange.low');
    expect(fieldForPath(lab, '')).toBeUndefined();
  });
});
