import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const example = EXAMPLE_RECORDS['practitioner-entry'];
if (example.entryType !== 'prescription') throw new Error('these tests start from a prescription');
const prescription = example;
const physio = {
  name: 'Julien Moreau',
  profession: 'Masseur-kinésithérapeute',
  specialty: 'Rééducation du rachis',
  idSelfDeclared: true,
};

describe('practitioner entry', () => {
  it('accepts a prescription of paracetamol', () => {
    expect(parseRecord(prescription)).toEqual({ ok: true, value: prescription });
  });

  it('accepts an exercise programme from a physiotherapist', () => {
    const programme = {
      kind: 'practitioner-entry',
      schemaVersion: 1,
      entryType: 'exercise-programme',
      title: 'Programme lombaire — semaines 1 à 4',
      practitioner: physio,
      createdAt: '2025-03-12T17:05:00+01:00',
      exercises: [
        { name: 'Pont fessier', sets: 3, repetitions: 12, frequency: 'Tous les jours' },
        { name: 'Marche', durationMinutes: 30, instructions: 'Rythme soutenu, sans douleur.' },
      ],
    };
    expect(parseRecord(programme)).toEqual({ ok: true, value: programme });
  });

  it('accepts a programme with a plan and refuses one that ends before it starts', () => {
    const planned = {
      kind: 'practitioner-entry',
      schemaVersion: 1,
      entryType: 'exercise-programme',
      title: 'Genou droit — 4 semaines',
      practitioner: physio,
      createdAt: '2026-03-01T10:00:00+01:00',
      startDate: '2026-03-02',
      endDate: '2026-03-29',
      sessionsPerWeek: 3,
      exercises: [{ name: 'Squat contre le mur', sets: 3, repetitions: 10 }],
    };
    expect(parseRecord(planned)).toEqual({ ok: true, value: planned });
    expect(recordIssues({ ...planned, endDate: '2026-03-01' })).toEqual([
      { path: 'endDate', message: 'End date must not be before start date' },
    ]);
    expect(recordIssues({ ...planned, sessionsPerWeek: 0 })).toEqual([
      { path: 'sessionsPerWeek', message: 'Sessions per week must be between 1 and 21' },
    ]);
  });

  it('accepts a note and a coded diagnosis', () => {
    const common = {
      kind: 'practitioner-entry',
      schemaVersion: 1,
      practitioner: physio,
      createdAt: '2025-03-12T17:05:00Z',
    };
    const note = {
      ...common,
      entryType: 'note',
      title: 'Bilan initial',
      body: 'Douleur lombaire basse, EVA 6/10.',
    };
    const diagnosis = {
      ...common,
      entryType: 'diagnosis',
      title: 'Lombalgie commune',
      body: 'Lombalgie aiguë sans signe de gravité.',
      code: { system: 'http://snomed.info/sct', code: '279039007' },
    };
    expect(parseRecord(note).ok).toBe(true);
    expect(parseRecord(diagnosis).ok).toBe(true);
  });

  it('rejects a professional identifier not marked as self-declared', () => {
    expect(
      recordIssues({
        ...prescription,
        practitioner: { ...prescription.practitioner, idSelfDeclared: false },
      }),
    ).toEqual([
      {
        path: 'practitioner.idSelfDeclared',
        message: 'The professional identifier must be marked as self-declared',
      },
    ]);
  });

  it('rejects a prescription without items', () => {
    expect(recordIssues({ ...prescription, items: [] })).toEqual([
      { path: 'items', message: 'A prescription needs at least one item' },
    ]);
  });

  it('reports a missing dosage at the item', () => {
    expect(
      recordIssues({ ...prescription, items: [{ medication: 'Ibuprofène 400 mg', duration: '3 jours' }] }),
    ).toEqual([{ path: 'items.0.dosage', message: 'Dosage is required' }]);
  });

  it('rejects an unknown entry type', () => {
    expect(recordIssues({ ...prescription, entryType: 'referral' })).toEqual([
      {
        path: 'entryType',
        message: 'Entry type must be one of: note, diagnosis, prescription, exercise-programme',
      },
    ]);
  });

  it('rejects exercises on a prescription: fields belong to their entry type', () => {
    expect(recordIssues({ ...prescription, exercises: [{ name: 'Marche' }] })).toEqual([
      { path: 'exercises', message: 'Unknown field "exercises" is not allowed here' },
    ]);
  });

  it('requires a body for a note', () => {
    const { items: _, ...withoutItems } = prescription;
    expect(recordIssues({ ...withoutItems, entryType: 'note' })).toEqual([
      { path: 'body', message: 'Text is required' },
    ]);
  });
});
