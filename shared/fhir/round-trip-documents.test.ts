import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import type { ClinicalRecord } from '../schema/record.ts';
import { exportIps } from './export-ips.ts';
import { importFhir } from './import-fhir.ts';
import { checkIps } from './ips-checks.ts';
import { loadDefinitionsFromPackage } from './testing.ts';
import { validateR4 } from './validate-r4.ts';

const PROFILE: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-06-02',
  sex: 'female',
  locale: 'en',
};
const NOW = '2025-03-14T10:00:00+01:00';

beforeAll(loadDefinitionsFromPackage, 60_000);

describe('round trip of what is not a plain record', () => {
  const document = EXAMPLE_RECORDS.document;
  const directive: ClinicalRecord = {
    kind: 'advance-directive',
    schemaVersion: 1,
    type: 'directives',
    documentId: 'doc_1',
  };

  it('a document travels with its file when asked, and the directive points at it', () => {
    const records = [
      { id: 'doc_1', record: { ...document, note: 'Scan' } as ClinicalRecord },
      { id: 'dir_1', record: directive },
    ];
    const files = new Map([['doc_1', btoa('%PDF-1.4 fake')]]);
    const bundle = exportIps({ profile: PROFILE, records, bundleId: 'docs', now: NOW, files });
    expect(checkIps(bundle)).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
    const result = importFhir(JSON.stringify(bundle), {
      validate: validateR4,
      existing: [],
      today: '2025-03-14',
      newId: (index) => `new_${index}`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [file] = result.preview.files;
    expect(file?.id).toBe(`new_${file?.source.index}`);
    expect(file?.file).toEqual({
      title: document.title,
      fileName: document.fileName,
      mediaType: document.mediaType,
      category: document.category,
      date: document.date,
      note: 'Scan',
      sha256: document.sha256,
      data: btoa('%PDF-1.4 fake'),
    });
    const [item] = result.preview.toAdd;
    // The document is stored under the id the preview gave it, so the directive points at it.
    expect(item?.record).toEqual({ ...directive, documentId: file?.id });
    expect(item?.documentSource?.index).toBe(file?.source.index);
    expect(file?.existingId).toBeUndefined();
    const again = importFhir(JSON.stringify(bundle), {
      validate: validateR4,
      existing: [{ id: 'stored', record: document }],
      today: '2025-03-14',
    });
    expect(again.ok && again.preview.files[0]?.existingId).toBe('stored');
  });

  it('a document without its file is kept as a note saying so; a link to a record left out is not written', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [
        { id: 'doc_1', record: document },
        { id: 'dir_1', record: { ...directive, statement: 'Voir le scan' } },
      ],
      bundleId: 'nofile',
      now: NOW,
      sections: ['advanceDirectives'],
    });
    expect(JSON.stringify(bundle)).not.toContain('sourceReference');
    const withDoc = exportIps({
      profile: PROFILE,
      records: [{ id: 'doc_1', record: document }],
      bundleId: 'nofile',
      now: NOW,
    });
    const result = importFhir(JSON.stringify(withDoc), {
      validate: validateR4,
      existing: [],
      today: '2025-03-14',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const note = result.preview.toAdd.find((i) => i.record.kind === 'note');
    expect(note?.asNote).toBe('no-kind');
    expect(note?.record).toMatchObject({ kind: 'note', title: `DocumentReference: ${document.title}` });
  });

  it('a practitioner entry comes back as a note naming its author, never as a signed entry', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [{ id: 'p1', record: EXAMPLE_RECORDS['practitioner-entry'] }],
      bundleId: 'pe',
      now: NOW,
    });
    expect(bundle.entry?.some((e) => e.resource?.resourceType === 'Practitioner')).toBe(true);
    expect(validateR4(bundle)).toEqual([]);
    const result = importFhir(JSON.stringify(bundle), {
      validate: validateR4,
      existing: [],
      today: '2025-03-14',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.preview.toAdd.map((i) => i.record)).toEqual([
      {
        kind: 'note',
        schemaVersion: 1,
        title: 'Ordonnance — lombalgie aiguë',
        body:
          'Dr Claire Dubois, Médecin généraliste (2025-03-10T10:42:00+01:00):\n' +
          'Paracétamol 1 g — 1 comprimé toutes les 6 heures si douleur, maximum 4 par jour — 5 jours — 1 boîte de 8',
      },
    ]);
    expect(
      result.preview.accounting.filter((a) => a.outcome === 'used').map((a) => a.source.resourceType),
    ).toEqual(['Practitioner']);
  });

  it('leaves out consultations and the emergency profile', () => {
    const bundle = exportIps({
      profile: PROFILE,
      records: [
        { id: 'c1', record: EXAMPLE_RECORDS.consultation },
        { id: 'e1', record: EXAMPLE_RECORDS['emergency-profile'] },
      ],
      bundleId: 'none',
      now: NOW,
    });
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual([
      'Composition',
      'Patient',
      'Condition',
      'AllergyIntolerance',
      'MedicationStatement',
    ]);
  });
});
