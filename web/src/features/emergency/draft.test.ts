import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import type { Profile } from '../../../../shared/schema/profile.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { checkDraft, toProfile } from './draft.ts';
import { prefillDraft, prefillRecords } from './prefill.ts';

const PERSON: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-06-02',
  sex: 'female',
  locale: 'fr',
};

const allergy = (
  substance: string,
  severity: 'mild' | 'severe',
  criticality: 'low' | 'high' = 'low',
): ClinicalRecord => ({
  kind: 'allergy',
  schemaVersion: 1,
  substance,
  category: 'medication',
  type: 'allergy',
  reactions: ['Anaphylaxis'],
  severity,
  criticality,
  status: 'active',
});
const condition = (
  name: string,
  critical: boolean,
  clinicalStatus: 'active' | 'resolved' = 'active',
): ClinicalRecord => ({
  kind: 'condition',
  schemaVersion: 1,
  name,
  clinicalStatus,
  critical,
});
const medication = (name: string, highRisk: boolean, stopDate?: string): ClinicalRecord => ({
  kind: 'medication',
  schemaVersion: 1,
  name,
  dose: '5 mg',
  route: 'oral',
  frequency: 'daily',
  startDate: '2024-01-01',
  ...(stopDate ? { stopDate } : {}),
  asNeeded: false,
  highRisk,
});

const RECORDS: ClinicalRecord[] = [
  allergy('Pollen', 'mild'),
  allergy('Penicillin', 'severe'),
  allergy('Latex', 'mild', 'high'),
  condition('Asthma', false),
  condition('Epilepsy', true),
  condition('Appendicitis', true, 'resolved'),
  medication('Paracetamol', false),
  medication('Warfarin', true),
  medication('Old insulin', true, '2024-06-01'),
  EXAMPLE_RECORDS['emergency-contact'],
  EXAMPLE_RECORDS.administrative,
];

describe('prefillRecords', () => {
  it('never offers an unresolved conflicting copy, nor an unreadable entry', () => {
    const kept = allergy('Penicillin', 'severe');
    const copy = allergy('Amoxicillin', 'severe');
    const records = prefillRecords([
      { id: 'a1', record: kept },
      { id: 'cc-AAAAAAAAAAAA-a1', record: copy },
      { id: 'x', record: null },
    ]);
    expect(records).toEqual([kept]);
    const texts = prefillDraft(PERSON, records, undefined).allergies.map((item) => item.text);
    expect(texts).toEqual(['Penicillin: Anaphylaxis']);
  });
});

describe('prefillDraft', () => {
  it('switches on what a responder must see, offers the rest switched off, critical first', () => {
    const draft = prefillDraft(PERSON, RECORDS, undefined);
    expect(draft.name).toBe('Camille Martin');
    expect(draft.language).toBe('fr');
    expect(draft.allergies).toEqual([
      { text: 'Penicillin: Anaphylaxis', include: true },
      { text: 'Latex: Anaphylaxis', include: true },
      { text: 'Pollen: Anaphylaxis', include: false },
    ]);
    expect(draft.conditions).toEqual([
      { text: 'Epilepsy', include: true },
      { text: 'Asthma', include: false },
    ]);
    expect(draft.medications).toEqual([
      { text: 'Warfarin 5 mg, daily', include: true },
      { text: 'Paracetamol 5 mg, daily', include: false },
    ]);
    expect(draft.contacts).toHaveLength(1);
    expect(draft.contacts[0]?.include).toBe(true);
  });

  it('keeps the saved profile and offers new record items switched off', () => {
    const saved = toProfile(prefillDraft(PERSON, RECORDS, undefined), '2026-01-01');
    const draft = prefillDraft(PERSON, [...RECORDS, allergy('Peanut', 'severe')], {
      ...saved,
      allergies: ['Penicillin: Anaphylaxis'],
      directive: 'DNR',
    });
    expect(draft.directive).toBe('DNR');
    expect(draft.allergies[0]).toEqual({ text: 'Penicillin: Anaphylaxis', include: true });
    expect(draft.allergies.find((a) => a.text.startsWith('Peanut'))).toEqual({
      text: 'Peanut: Anaphylaxis',
      include: false,
    });
  });
});

describe('toProfile and checkDraft', () => {
  it('keeps included, non-empty items only, trimmed', () => {
    const draft = prefillDraft(PERSON, RECORDS, undefined);
    draft.conditions.push({ text: '  Diabetes  ', include: true }, { text: '   ', include: true });
    draft.languages = 'français, , English ';
    draft.organDonor = 'yes';
    const profile = toProfile(draft, '2026-02-03');
    expect(profile.conditions).toEqual(['Epilepsy', 'Diabetes']);
    expect(profile.languages).toEqual(['français', 'English']);
    expect(profile.organDonor).toBe(true);
    expect(profile.updatedOn).toBe('2026-02-03');
    expect(profile.dateOfBirth).toBe('1984-06-02');
    expect(checkDraft(draft, '2026-02-03').ok).toBe(true);
    draft.includeDateOfBirth = false;
    expect(toProfile(draft, '2026-02-03').dateOfBirth).toBeUndefined();
  });

  it('names the sections to fix', () => {
    const draft = prefillDraft(PERSON, RECORDS, undefined);
    draft.name = ' ';
    draft.contacts.push({ name: 'X', relationship: '', phone: 'call me', include: true });
    const result = checkDraft(draft, '2026-02-03');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.sort()).toEqual(['contacts', 'name']);
  });
});

describe('prefillDraft from the IPS kinds', () => {
  it('offers implants switched on, writes the directive and a current pregnancy in the profile’s language', () => {
    const records: ClinicalRecord[] = [
      EXAMPLE_RECORDS.device,
      { kind: 'device', schemaVersion: 1, name: 'Glucose sensor', implanted: false },
      { ...EXAMPLE_RECORDS.device, name: 'Old pacemaker', endDate: '2023-01-01' },
      EXAMPLE_RECORDS['advance-directive'],
      { kind: 'pregnancy', schemaVersion: 1, recordedOn: '2024-01-01', status: 'not-pregnant' },
      EXAMPLE_RECORDS.pregnancy,
    ];
    const draft = prefillDraft(PERSON, records, undefined);
    expect(draft.devices).toEqual([
      { text: 'Stimulateur cardiaque (Sous la clavicule gauche)', include: true },
      { text: 'Glucose sensor', include: false },
    ]);
    expect(draft.directive).toBe(
      'Personne de confiance : Julie Martin +33 6 98 76 54 32, Ma sœur parle pour moi si je ne peux plus m’exprimer., document…',
    );
    expect(draft.directive.length).toBeLessThanOrEqual(120);
    expect(draft.pregnancy).toBe('Enceinte, terme prévu le 2025-08-20');
  });

  it('keeps what the saved profile says', () => {
    const saved = {
      ...toProfile(prefillDraft(PERSON, [], undefined), '2025-03-14'),
      directive: 'DNR',
      pregnancy: 'No',
    };
    const draft = prefillDraft(PERSON, [EXAMPLE_RECORDS['advance-directive']], saved);
    expect([draft.directive, draft.pregnancy]).toEqual(['DNR', 'No']);
  });
});
