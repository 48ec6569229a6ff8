import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import type { ClinicalRecord } from '../schema/record.ts';
import { exportIps } from './export-ips.ts';
import { previewImport } from './import-preview.ts';

const PROFILE: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-06-02',
  sex: 'female',
  locale: 'fr',
};
const NOW = '2025-03-14T10:00:00+01:00';

describe('previewImport duplicates', () => {
  const allergy = EXAMPLE_RECORDS.allergy;
  const bundle = exportIps({
    profile: PROFILE,
    records: [
      { id: 'a', record: allergy },
      { id: 'v', record: EXAMPLE_RECORDS.vaccination },
      { id: 'n', record: EXAMPLE_RECORDS.note },
    ],
    bundleId: 'dup',
    now: NOW,
  });

  it('flags the same code and date, and the same text, as duplicates of the existing record', () => {
    const existing = [
      // Same SNOMED code and onset date, typed differently.
      { id: 'old-allergy', record: { ...allergy, substance: 'Penicillin G' } as ClinicalRecord },
      // Same text (accents and case aside), no code.
      {
        id: 'old-note',
        record: { ...EXAMPLE_RECORDS.note, title: 'QUESTIONS pour le cardiologue', body: 'autre' },
      },
    ];
    const preview = previewImport(bundle, existing, '2025-03-14');
    expect(preview.duplicates.map((d) => [d.record.kind, d.existingId])).toEqual([
      ['allergy', 'old-allergy'],
      ['note', 'old-note'],
    ]);
    expect(preview.toAdd.map((i) => i.record.kind)).toEqual(['vaccination']);
  });

  it('does not flag the same test on another day', () => {
    const lab = EXAMPLE_RECORDS['lab-result'];
    const labBundle = exportIps({
      profile: PROFILE,
      records: [{ id: 'l', record: lab }],
      bundleId: 'l',
      now: NOW,
    });
    const preview = previewImport(
      labBundle,
      [{ id: 'x', record: { ...lab, date: '2024-01-01' } }],
      '2025-03-14',
    );
    expect(preview.duplicates).toEqual([]);
  });
});

describe('exportIps', () => {
  const records = [
    {
      id: 'a',
      record: {
        ...EXAMPLE_RECORDS.allergy,
        substance: 'Œufs <script>alert(1)</script> & "lait"',
      } as ClinicalRecord,
    },
    { id: 'm', record: EXAMPLE_RECORDS.medication },
  ];

  it('is deterministic: the same inputs give the same Bundle', () => {
    const one = exportIps({ profile: PROFILE, records, bundleId: 'x', now: NOW });
    const two = exportIps({ profile: PROFILE, records, bundleId: 'x', now: NOW });
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.stringify(exportIps({ profile: PROFILE, records, bundleId: 'y', now: NOW }))).not.toBe(
      JSON.stringify(one),
    );
  });

  it('writes narratives in the profile’s language, escaped', () => {
    const bundle = exportIps({ profile: PROFILE, records, bundleId: 'x', now: NOW });
    const composition = bundle.entry?.[0]?.resource;
    if (composition?.resourceType !== 'Composition') throw new Error('Composition first');
    expect(composition.title).toBe('Synthèse médicale du patient');
    const [problems, allergies] = composition.section ?? [];
    expect(problems?.title).toBe('Problèmes de santé');
    expect(problems?.text?.div).toContain('Aucune information disponible');
    expect(allergies?.text?.div).toContain(
      'Œufs &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;lait&quot;',
    );
    expect(allergies?.text?.div).not.toContain('<script>');
    const english = exportIps({ profile: { ...PROFILE, locale: 'en' }, records, bundleId: 'x', now: NOW });
    const first = english.entry?.[0]?.resource;
    expect(first?.resourceType === 'Composition' && first.section?.[0]?.title).toBe('Problem list');
  });

  it('includes only the chosen sections, the required ones always', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [...records, { id: 'v', record: EXAMPLE_RECORDS.vaccination }],
      bundleId: 'x',
      now: NOW,
      sections: ['immunizations'],
    });
    const composition = bundle.entry?.[0]?.resource;
    const codes =
      composition?.resourceType === 'Composition'
        ? composition.section?.map((s) => s.code?.coding?.[0]?.code)
        : [];
    expect(codes).toEqual(['11450-4', '48765-2', '10160-0', '11369-6']);
  });
});

describe('2,000 records', () => {
  it('export and import quickly (no quadratic step)', () => {
    const kinds = Object.values(EXAMPLE_RECORDS).filter(
      (r) => r.kind !== 'emergency-profile' && r.kind !== 'consultation',
    );
    const records = Array.from({ length: 2_000 }, (_, i) => ({
      id: `r${i}`,
      record: kinds[i % kinds.length] as ClinicalRecord,
    }));
    const existing = records.slice(0, 1_000);
    const started = performance.now();
    const bundle = exportIps({ profile: PROFILE, records, bundleId: 'big', now: NOW });
    const exported = performance.now();
    const preview = previewImport(JSON.parse(JSON.stringify(bundle)), existing, '2025-03-14');
    const imported = performance.now();
    expect(preview.accounting.length).toBeGreaterThanOrEqual(2_000);
    expect(preview.duplicates.length).toBeGreaterThan(0);
    // Generous bounds for a shared 2-core machine; typical figures are far lower.
    expect(exported - started).toBeLessThan(2_000);
    expect(imported - exported).toBeLessThan(4_000);
  });
});

describe('the IPS "no information" entries', () => {
  it('are listed as unmapped, not added', () => {
    const bundle = exportIps({ profile: PROFILE, records: [], bundleId: 'empty', now: NOW });
    const preview = previewImport(bundle, [], '2025-03-14');
    expect(preview.toAdd).toEqual([]);
    expect(preview.unmapped.map((u) => [u.resource.resourceType, u.reason])).toEqual([
      ['Composition', 'document-frame'],
      ['Patient', 'document-frame'],
      ['Condition', 'absent-unknown'],
      ['AllergyIntolerance', 'absent-unknown'],
      ['MedicationStatement', 'absent-unknown'],
    ]);
  });
});

describe('narrative lines', () => {
  it('word coded values in the profile’s language', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [
        { id: 'a', record: EXAMPLE_RECORDS.allergy },
        { id: 'f', record: EXAMPLE_RECORDS['family-history'] },
        { id: 'd', record: EXAMPLE_RECORDS['advance-directive'] },
      ],
      bundleId: 'n',
      now: NOW,
    });
    const composition = bundle.entry?.[0]?.resource;
    const divs =
      composition?.resourceType === 'Composition'
        ? composition.section?.map((s) => s.text?.div).join('')
        : '';
    expect(divs).toContain('Sévère');
    expect(divs).toContain('Père — Infarctus du myocarde — à partir de 52');
    expect(divs).toContain('Personne de confiance — Ma sœur parle pour moi');
  });
});

describe('a resource that does not fit its kind', () => {
  it('is kept as a note, with the reasons', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [{ id: 'p', record: EXAMPLE_RECORDS.procedure }],
      bundleId: 'nf',
      now: NOW,
    });
    const procedure = bundle.entry?.find((e) => e.resource?.resourceType === 'Procedure')?.resource;
    if (procedure?.resourceType !== 'Procedure') throw new Error('no procedure');
    procedure.code = { text: 'x'.repeat(300) };
    const preview = previewImport(bundle, [], '2025-03-14');
    const item = preview.toAdd.find((i) => i.source.resourceType === 'Procedure');
    expect(item?.asNote).toBe('does-not-fit');
    expect(item?.problems).toEqual(['name: Procedure must be at most 200 characters']);
    expect(item?.record.kind === 'note' && item.record.body).toContain('x'.repeat(300));
  });
});

describe('alerts', () => {
  it('flag critical conditions and high-risk medications, and add nothing on re-import', () => {
    const records = [
      { id: 'c', record: { ...EXAMPLE_RECORDS.condition, critical: true } as ClinicalRecord },
      { id: 'm', record: { ...EXAMPLE_RECORDS.medication, highRisk: true } as ClinicalRecord },
    ];
    const bundle = exportIps({ profile: PROFILE, records, bundleId: 'al', now: NOW });
    const flags = bundle.entry?.filter((e) => e.resource?.resourceType === 'Flag') ?? [];
    expect(flags.map((e) => e.resource?.resourceType === 'Flag' && e.resource.code.text)).toEqual([
      'Asthma',
      'Amoxicilline',
    ]);
    const preview = previewImport(bundle, [], '2025-03-14');
    expect(preview.toAdd.map((i) => i.record.kind)).toEqual(['condition', 'medication']);
    expect(preview.unmapped.filter((u) => u.reason === 'derived-alert')).toHaveLength(2);
  });
});
