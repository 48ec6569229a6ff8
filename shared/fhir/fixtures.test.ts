import { beforeAll, describe, expect, it } from 'vitest';
import allSections from './fixtures/ips-bundle-all-sections.json';
import minimal from './fixtures/ips-bundle-minimal.json';
import { importFhir } from './import-fhir.ts';
import { loadDefinitionsFromPackage } from './testing.ts';
import { validateR4 } from './validate-r4.ts';

const FIXTURES: Readonly<Record<string, unknown>> = {
  'ips-bundle-minimal.json': minimal,
  'ips-bundle-all-sections.json': allSections,
};

const fixture = (name: string) => JSON.stringify(FIXTURES[name]);

function importFixture(name: string) {
  const text = fixture(name);
  const result = importFhir(text, { validate: validateR4, existing: [], today: '2025-03-14' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ...result, entries: (JSON.parse(text) as { entry: unknown[] }).entry.length };
}

beforeAll(loadDefinitionsFromPackage, 60_000);

describe.each(['ips-bundle-minimal.json', 'ips-bundle-all-sections.json'])(
  'the HL7 IPS example %s',
  (name) => {
    it('is fully accounted for: every entry added, kept as a file or note, used by another, or listed with a reason', () => {
      const { preview, entries } = importFixture(name);
      expect(new Set(preview.accounting.map((a) => a.source.index)).size).toBe(entries);
      const added = preview.accounting.filter((a) => a.outcome === 'add').length;
      expect(added).toBe(preview.toAdd.length);
      for (const { reason } of preview.unmapped) {
        expect([
          'absent-unknown',
          'entered-in-error',
          'directory-entry',
          'document-frame',
          'derived-alert',
        ]).toContain(reason);
      }
    });
  },
);

describe('what the examples become', () => {
  it('minimal: one problem, one medication (with its Medication), one allergy, the patient’s contact', () => {
    const { preview } = importFixture('ips-bundle-minimal.json');
    const kinds = preview.toAdd.map((i) => i.record.kind).sort();
    expect(kinds).toEqual(['administrative', 'allergy', 'condition', 'emergency-contact', 'medication']);
    const medication = preview.toAdd.find((i) => i.record.kind === 'medication');
    expect(medication?.record).toMatchObject({
      name: 'Product containing anastrozole (medicinal product)',
      code: { system: 'http://www.whocc.no/atc', code: 'L02BG03' },
      route: 'other',
    });
    // "2015-03" is not a day: the start date is the day of import, and the preview says so.
    expect(medication?.assumed).toContain('startDate: unknown, set to the day of import');
    expect(preview.accounting.find((a) => a.source.resourceType === 'Medication')?.outcome).toBe('used');
  });

  it('all sections: problems, medications, allergies, results, immunizations and the rest', () => {
    const { preview, warnings } = importFixture('ips-bundle-all-sections.json');
    const count = (kind: string) => preview.toAdd.filter((i) => i.record.kind === kind).length;
    expect({
      condition: count('condition'),
      medication: count('medication'),
      allergy: count('allergy'),
      'lab-result': count('lab-result'),
      vaccination: count('vaccination'),
      measurement: count('measurement'),
      lifestyle: count('lifestyle'),
      procedure: count('procedure'),
      device: count('device'),
      pregnancy: count('pregnancy'),
      'advance-directive': count('advance-directive'),
    }).toEqual({
      condition: 4,
      medication: 3,
      allergy: 1,
      'lab-result': 8,
      vaccination: 8,
      measurement: 2,
      lifestyle: 1,
      procedure: 1,
      device: 1,
      pregnancy: 1,
      'advance-directive': 1,
    });
    // The Flag, the CarePlan and the DocumentReference without its file are kept as notes.
    expect(
      preview.toAdd.filter((i) => i.asNote).map((i) => i.record.kind === 'note' && i.record.title),
    ).toEqual([
      'Flag: Shellfish free diet',
      'DocumentReference: Advance Directive Document',
      'CarePlan: Manage obesity and weight loss',
    ]);
    // Dropped elements are listed, not lost silently: the vaccination site and route.
    expect(preview.toAdd.find((i) => i.record.kind === 'vaccination')?.dropped).toEqual(['site', 'route']);
    // That copy of the example has no generated narratives: a warning, not a refusal.
    expect(warnings.every((w) => w.path.endsWith('.text.div'))).toBe(true);
  });
});
