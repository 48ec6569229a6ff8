import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../schema/examples.ts';
import type { Profile } from '../schema/profile.ts';
import { type ClinicalRecord, parseRecord, recordSchema } from '../schema/record.ts';
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

/** Every optional field filled (variants), and every optional field left out (minimal). */
const VARIANTS: ClinicalRecord[] = [
  { ...EXAMPLE_RECORDS.allergy, category: 'latex', reactions: [] },
  {
    kind: 'allergy',
    schemaVersion: 1,
    substance: 'Lactose',
    category: 'food',
    type: 'intolerance',
    reactions: [],
    severity: 'mild',
    criticality: 'low',
    status: 'inactive',
  },
  { ...EXAMPLE_RECORDS.condition, critical: true, note: 'Sous Ventoline' },
  { ...EXAMPLE_RECORDS.condition, clinicalStatus: 'relapse', abatementDate: '2020-01-01' },
  {
    ...EXAMPLE_RECORDS.condition,
    clinicalStatus: 'resolved',
    abatementDate: '2020-01-01',
    code: { system: 'http://snomed.info/sct', code: '195967001' },
  },
  { kind: 'condition', schemaVersion: 1, name: 'Migraine', clinicalStatus: 'active', critical: false },
  {
    ...EXAMPLE_RECORDS.medication,
    dose: { value: 20, unit: 'mg' },
    asNeeded: true,
    highRisk: true,
    note: 'Le soir',
    route: 'sc',
  },
  {
    kind: 'medication',
    schemaVersion: 1,
    name: 'Doliprane',
    dose: '1 g',
    route: 'other',
    frequency: 'si douleur',
    startDate: '2024-01-01',
    asNeeded: true,
    highRisk: false,
  },
  { ...EXAMPLE_RECORDS.vaccination, note: 'Bras gauche' },
  { kind: 'vaccination', schemaVersion: 1, vaccine: 'BCG', date: '1990-01-01' },
  { ...EXAMPLE_RECORDS['lab-result'], note: 'À jeun', referenceRange: { low: 12, high: 16, text: '12–16' } },
  {
    kind: 'lab-result',
    schemaVersion: 1,
    testName: 'Sérologie',
    value: 'positive',
    unit: '{titre}',
    date: '2024-02-02',
    interpretation: 'critical',
  },
  {
    kind: 'lab-result',
    schemaVersion: 1,
    testName: 'Ratio',
    value: 2.5,
    date: '2024-02-02',
    referenceRange: { text: '< 5' },
  },
  { ...EXAMPLE_RECORDS.measurement, note: 'Après effort' },
  ...(['weight', 'height', 'heart-rate', 'temperature', 'spo2'] as const).map(
    (type): ClinicalRecord =>
      ({
        kind: 'measurement',
        schemaVersion: 1,
        type,
        value: { weight: 72.5, height: 172, 'heart-rate': 64, temperature: 37.2, spo2: 98 }[type],
        unit: { weight: 'kg', height: 'cm', 'heart-rate': '/min', temperature: 'Cel', spo2: '%' }[type],
        measuredAt: '2025-03-14T08:15:00+01:00',
      }) as ClinicalRecord,
  ),
  {
    kind: 'measurement',
    schemaVersion: 1,
    type: 'glucose',
    value: 5.4,
    unit: 'mmol/L',
    measuredAt: '2025-03-14T08:15:00Z',
  },
  {
    kind: 'measurement',
    schemaVersion: 1,
    type: 'glucose',
    value: 98,
    unit: 'mg/dL',
    measuredAt: '2025-03-15T08:15:00Z',
  },
  { ...EXAMPLE_RECORDS.lifestyle, note: 'Sport le week-end' },
  { kind: 'lifestyle', schemaVersion: 1, recordedOn: '2024-01-01', diet: 'Végétarien' },
  { kind: 'lifestyle', schemaVersion: 1, recordedOn: '2023-01-01', smoking: { status: 'never' } },
  { ...EXAMPLE_RECORDS.procedure, note: 'Sans complication' },
  { kind: 'procedure', schemaVersion: 1, name: 'Amygdalectomie', status: 'unknown' },
  { ...EXAMPLE_RECORDS.device, udi: '(01)00643169007222(17)160128(21)BLC200461H', endDate: '2024-01-01' },
  { kind: 'device', schemaVersion: 1, name: 'Lunettes', implanted: false },
  { ...EXAMPLE_RECORDS.pregnancy, pretermBirths: 0, abortions: 1, note: 'Suivi à Lyon' },
  { kind: 'pregnancy', schemaVersion: 1, recordedOn: '2020-01-01', termBirths: 2 },
  { kind: 'pregnancy', schemaVersion: 1, recordedOn: '2019-01-01', status: 'unknown' },
  { ...EXAMPLE_RECORDS['family-history'], causeOfDeath: true, note: 'Fumeur' },
  { kind: 'family-history', schemaVersion: 1, relationship: 'other', condition: 'Diabète' },
  {
    ...EXAMPLE_RECORDS['advance-directive'],
    person: {
      name: 'Julie Martin',
      relationship: 'Sœur',
      phone: '+33 6 98 76 54 32',
      email: 'julie@example.fr',
    },
    note: 'Revue chaque année',
  },
  {
    kind: 'advance-directive',
    schemaVersion: 1,
    type: 'do-not-resuscitate',
    statement: 'Pas de réanimation',
  },
  { kind: 'advance-directive', schemaVersion: 1, type: 'directives', documentLocation: 'Chez le notaire' },
  { ...EXAMPLE_RECORDS.note },
  { kind: 'note', schemaVersion: 1, title: 'Court', body: 'Texte <b>brut</b> & “guillemets”' },
  { ...EXAMPLE_RECORDS.administrative, note: 'Carte Vitale à jour' },
  { ...EXAMPLE_RECORDS['emergency-contact'], note: 'Appeler le soir' },
  {
    kind: 'emergency-contact',
    schemaVersion: 1,
    name: 'Voisin',
    relationship: 'voisin',
    phone: '04 78 00 00 00',
    priority: 2,
  },
];

const ROUND_TRIP_KINDS = VARIANTS.map((r) => r.kind);

beforeAll(loadDefinitionsFromPackage, 60_000);

function sorted(records: readonly ClinicalRecord[]): string[] {
  return records.map((r) => JSON.stringify(r, Object.keys(flatten(r)).sort())).sort();
}

/** Every key at any depth, so JSON.stringify's key list keeps nested fields too. */
function flatten(value: unknown, out: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out[k] = true;
      flatten(v, out);
    }
  }
  return out;
}

describe('round trip: export → import into an empty profile', () => {
  it('every variant is a valid record', () => {
    for (const record of VARIANTS)
      expect(parseRecord(record), JSON.stringify(record)).toMatchObject({ ok: true });
  });

  it('gives back the same records, for every kind and optional field', () => {
    const records = VARIANTS.map((record, i) => ({ id: `r${i}`, record }));
    const bundle = exportIps({ profile: PROFILE, records, bundleId: 'round', now: NOW });
    expect(checkIps(bundle)).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
    const result = importFhir(JSON.stringify(bundle), {
      validate: validateR4,
      existing: [],
      today: '2025-03-14',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { preview } = result;
    expect(preview.duplicates).toEqual([]);
    expect(preview.toAdd.filter((i) => i.asNote)).toEqual([]);
    expect(preview.toAdd.flatMap((i) => i.assumed)).toEqual([]);
    expect(sorted(preview.toAdd.map((i) => i.record))).toEqual(sorted(VARIANTS));
    // The other kinds: documents and practitioner entries below; consultations and the emergency
    // profile are not exported.
    expect(new Set(ROUND_TRIP_KINDS).size).toBe(15);
  });
});

/** Every field a kind's schema knows, top level, across its variants (measurement types). */
function schemaFields(kind: string): Set<string> {
  const schema = recordSchema.options.find((option) => {
    const shapes = 'options' in option ? option.options : [option];
    return shapes.some((shape) => 'shape' in shape && shape.shape.kind.value === kind);
  });
  const shapes = schema === undefined ? [] : 'options' in schema ? schema.options : [schema];
  return new Set(shapes.flatMap((shape) => ('shape' in shape ? Object.keys(shape.shape) : [])));
}

describe('round trip of the Patient’s details', () => {
  it('keeps an address of use "other" and a refusal to donate', () => {
    const record: ClinicalRecord = {
      kind: 'administrative',
      schemaVersion: 1,
      addresses: [{ use: 'other', text: 'Chalet' }],
      bloodType: 'unknown',
      organDonor: 'no',
    };
    const bundle = exportIps({ profile: PROFILE, records: [{ id: 'a', record }], bundleId: 'adm', now: NOW });
    const result = importFhir(JSON.stringify(bundle), {
      validate: validateR4,
      existing: [],
      today: '2025-03-14',
    });
    expect(result.ok && result.preview.toAdd.map((i) => i.record)).toEqual([record]);
  });
});

describe('the round-trip table', () => {
  it.each([...new Set(ROUND_TRIP_KINDS)])('fills every field of %s at least once', (kind) => {
    const filled = new Set(VARIANTS.filter((r) => r.kind === kind).flatMap((r) => Object.keys(r)));
    const missing = [...schemaFields(kind)].filter((field) => !filled.has(field));
    // documentId is linked through the attached document: see round-trip-documents.test.ts.
    expect(missing.filter((field) => field !== 'documentId')).toEqual([]);
  });
});
