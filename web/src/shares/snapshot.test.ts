import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import { buildSnapshot, parseSnapshot } from './snapshot.ts';

const profile = {
  schemaVersion: 1 as const,
  displayName: 'Camille Durand',
  relationship: 'self' as const,
  dateOfBirth: '1984-03-12',
  sex: 'female' as const,
  locale: 'fr' as const,
};
const rows = (profileId: string, ...records: ClinicalRecord[]) =>
  records.map((record, i) => ({ id: `${profileId}-${i}`, profileId, record }));

describe('share snapshot', () => {
  it('holds the shared sections of the shared profile only', () => {
    const snapshot = buildSnapshot({
      profileId: 'p1',
      profile,
      patientBoxPk: 'A'.repeat(43),
      mode: 'read-add',
      sections: ['allergy'],
      records: [
        ...rows('p1', EXAMPLE_RECORDS.allergy, EXAMPLE_RECORDS.note, EXAMPLE_RECORDS.medication),
        ...rows('p2', EXAMPLE_RECORDS.allergy),
        { id: 'broken', profileId: 'p1', record: null },
      ],
    });
    expect(snapshot.records.map((r) => r.id)).toEqual(['p1-0']);
    expect(snapshot.patient).toEqual({ name: 'Camille Durand', dateOfBirth: '1984-03-12' });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it('carries logged exercise sessions with practitioner entries, and not without them', () => {
    const build = (sections: ('allergy' | 'practitioner-entry')[]) =>
      buildSnapshot({
        profileId: 'p1',
        profile,
        patientBoxPk: 'A'.repeat(43),
        mode: 'read-add',
        sections,
        records: rows('p1', EXAMPLE_RECORDS['practitioner-entry'], EXAMPLE_RECORDS['exercise-session']),
      });
    const withEntries = build(['practitioner-entry']);
    expect(withEntries.records.map((r) => r.record.kind)).toEqual(['practitioner-entry', 'exercise-session']);
    expect(parseSnapshot(JSON.parse(JSON.stringify(withEntries)))).toEqual(withEntries);
    expect(build(['allergy']).records).toEqual([]);
    // A snapshot that claims only allergies cannot smuggle a session to the practitioner's page.
    const forged = { ...withEntries, sections: ['allergy'] };
    expect(parseSnapshot(JSON.parse(JSON.stringify(forged)))?.records).toEqual([]);
  });

  it('leaves out an unresolved conflicting copy: the practitioner sees the kept version only', () => {
    const edited = { ...EXAMPLE_RECORDS.allergy, substance: 'Amoxicillin' } as ClinicalRecord;
    const snapshot = buildSnapshot({
      profileId: 'p1',
      profile,
      patientBoxPk: 'A'.repeat(43),
      mode: 'read',
      sections: ['allergy'],
      records: [
        { id: 'a1', profileId: 'p1', record: EXAMPLE_RECORDS.allergy },
        { id: 'cc-AAAAAAAAAAAA-a1', profileId: 'p1', record: edited },
      ],
    });
    expect(snapshot.records).toEqual([{ id: 'a1', record: EXAMPLE_RECORDS.allergy }]);
  });

  it('drops, on reading, records of sections that were not shared or that fail their schema', () => {
    const base = buildSnapshot({
      profileId: 'p1',
      profile,
      patientBoxPk: 'A'.repeat(43),
      mode: 'read',
      sections: ['allergy'],
      records: rows('p1', EXAMPLE_RECORDS.allergy),
    });
    const smuggled = {
      ...base,
      records: [
        ...base.records,
        { id: 'x', record: EXAMPLE_RECORDS.note },
        { id: 'y', record: { kind: 'allergy', substance: 42 } },
      ],
    };
    expect(parseSnapshot(smuggled)?.records.map((r) => r.id)).toEqual(['p1-0']);
    expect(parseSnapshot({ ...base, v: 2 })).toBeNull();
    expect(parseSnapshot({ ...base, patientBoxPk: 'short' })).toBeNull();
  });
});
