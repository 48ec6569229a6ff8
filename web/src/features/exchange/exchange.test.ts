import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import type { CarnetDatabase } from '../../db/database.ts';
import { openUnlockedApp, type UnlockedApp } from '../../testing/unlocked-app.ts';
import { until } from '../../testing/unlocked-vault.ts';
import {
  applyImport,
  exportProfile,
  localDateTime,
  NOT_EXPORTED,
  previewFile,
  undoImport,
} from './exchange.ts';
import { loadFhirValidator } from './fhir-validator.ts';

beforeAll(initCrypto);

const opened: UnlockedApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) {
    app.dispose();
    await (app.db as CarnetDatabase).remove();
  }
});

const ALL = [
  'problems',
  'allergies',
  'medications',
  'alerts',
  'immunizations',
  'results',
  'procedures',
  'devices',
  'vitalSigns',
  'pastIllness',
  'pregnancy',
  'socialHistory',
  'familyHistory',
  'advanceDirectives',
  'practitionerNotes',
  'documents',
  'notes',
] as const;

/**
 * The patient-writable example records (a practitioner entry arrives signed, a document with its
 * file), less the two kinds an IPS does not carry: the emergency profile (derived from the record,
 * with its own QR code) and call summaries (`NOT_EXPORTED`, said on the export screen).
 */
const WRITABLE = Object.values(EXAMPLE_RECORDS).filter(
  (r) => !['practitioner-entry', 'document', 'advance-directive', ...NOT_EXPORTED].includes(r.kind),
) as ClinicalRecord[];

function comparable(records: readonly (ClinicalRecord | null)[]) {
  return records
    .map((r) => JSON.stringify(r))
    .sort()
    .join('\n');
}

describe('exchange: export a profile, import it into another', () => {
  it('gives back the same records and the same file bytes; undo removes exactly what was added', {
    timeout: 120_000,
  }, async () => {
    const a = await openUnlockedApp({ name: 'exchange-a' });
    opened.push(a);
    for (const record of WRITABLE) await a.store.addRecord(record);
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    await a.store.addDocument({
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
      bytes,
      title: 'Scan',
      category: 'report',
      date: '2025-01-02',
    });
    await until(() => a.store.profileRecords().length === WRITABLE.length + 1);
    const json = await exportProfile(
      a.store,
      { sections: ALL, patientDetails: true, includeFiles: true },
      new Date(),
    );

    const b = await openUnlockedApp({ name: 'exchange-b' });
    opened.push(b);
    const validate = await loadFhirValidator();
    const result = previewFile(b.store, new TextEncoder().encode(json), validate, '2025-03-14');
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.preview.duplicates).toEqual([]);
    expect(result.preview.files).toHaveLength(1);
    const outcome = await applyImport(b.store, result.preview);
    expect(outcome.files).toBe(1);
    await until(() => b.store.profileRecords().length === a.store.profileRecords().length);
    const withoutDocs = (app: UnlockedApp) =>
      app.store
        .profileRecords()
        .map((e) => e.record)
        .filter((r) => r?.kind !== 'document');
    expect(comparable(withoutDocs(b))).toBe(comparable(withoutDocs(a)));
    const doc = b.store.profileRecords().find((e) => e.record?.kind === 'document');
    if (!doc) throw new Error('no document');
    expect(await b.store.readDocument(doc)).toEqual(bytes);

    // Importing the same file again: everything is a duplicate, nothing is added.
    const again = previewFile(b.store, new TextEncoder().encode(json), validate, '2025-03-14');
    if (!again.ok) throw new Error(again.error.reason);
    expect(again.preview.toAdd).toEqual([]);
    expect(again.preview.files.every((f) => f.existingId)).toBe(true);

    await undoImport(b.store, outcome.added);
    await until(() => b.store.profileRecords().length === 0);
  });

  it('refuses a bad file with its reason and writes nothing', async () => {
    const b = await openUnlockedApp({ name: 'exchange-bad' });
    opened.push(b);
    const validate = await loadFhirValidator();
    const cases: [string, string][] = [
      ['{"resourceType": "Bundle", "type": "document", "entry": [', 'malformed-json'],
      ['{"hello": 1}', 'not-fhir'],
      ['{"resourceType": "Patient"}', 'not-a-bundle'],
      ['{"resourceType": "Bundle", "type": "searchset"}', 'unsupported-bundle-type'],
      [
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { resource: { resourceType: 'Condition', subject: { reference: 'Patient/1' }, mood: 'x' } },
          ],
        }),
        'unknown-fields',
      ],
    ];
    for (const [text, reason] of cases) {
      const result = previewFile(b.store, new TextEncoder().encode(text), validate, '2025-03-14');
      expect(result.ok ? 'ok' : result.error.reason, text).toBe(reason);
    }
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const tooLarge = previewFile(b.store, big, validate, '2025-03-14');
    expect(tooLarge.ok ? 'ok' : tooLarge.error.reason).toBe('too-large');
    expect(b.store.profileRecords()).toEqual([]);
  });

  it('takes back what it wrote when a write fails halfway', async () => {
    const b = await openUnlockedApp({ name: 'exchange-half' });
    opened.push(b);
    const validate = await loadFhirValidator();
    const a = await openUnlockedApp({ name: 'exchange-src' });
    opened.push(a);
    for (const record of WRITABLE.slice(0, 4)) await a.store.addRecord(record);
    await until(() => a.store.profileRecords().length === 4);
    const json = await exportProfile(
      a.store,
      { sections: ALL, patientDetails: false, includeFiles: false },
      new Date(),
    );
    const result = previewFile(b.store, new TextEncoder().encode(json), validate, '2025-03-14');
    if (!result.ok) throw new Error(result.error.reason);
    let writes = 0;
    const failing = {
      ...b.store,
      activeProfile: b.store.activeProfile,
      profileRecords: b.store.profileRecords,
      addRecord: async (input: unknown) => {
        if (++writes === 3) throw new Error('disk full');
        return b.store.addRecord(input);
      },
    };
    await expect(applyImport(failing, result.preview)).rejects.toThrow('disk full');
    await until(() => b.store.profileRecords().length === 0);
  });

  it('dates the document with the local offset', () => {
    expect(localDateTime(new Date('2025-03-14T09:00:00Z'))).toMatch(
      /^2025-03-1[34]T\d\d:\d\d:00[+-]\d\d:\d\d$/,
    );
  });
});
