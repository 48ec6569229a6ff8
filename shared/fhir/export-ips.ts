/**
 * A profile's records as a FHIR R4 International Patient Summary: a `document` Bundle whose first
 * entry is the Composition, then the Patient, then one resource per record (and what it refers
 * to). Pure and deterministic: ids derive from `bundleId` and the record ids, the clock is `now`.
 * No validator here: this module must stay small enough for the app (see `validate-r4.ts`).
 */
import type { Bundle, BundleEntry, Composition, CompositionSection, Resource } from '@medplum/fhirtypes';
import type { Administrative } from '../schema/administrative.ts';
import type { EmergencyContact } from '../schema/emergency-contact.ts';
import type { Profile } from '../schema/profile.ts';
import type { ClinicalRecord } from '../schema/record.ts';
import { alertFlags } from './alert-flags.ts';
import { ABSENT, coding, concept, SECTION_KEYS, SECTIONS, type SectionKey, SYSTEM } from './codes.ts';
import { type Locale, SECTION_TITLES, sectionNarrative } from './narrative.ts';
import { patientToFhir } from './patient-to-fhir.ts';
import { isSectionRecord, recordToFhir, sectionOf } from './record-to-fhir.ts';
import { stableUuid } from './stable-uuid.ts';
import type { ToFhirContext } from './to-fhir-context.ts';

export interface ExportRecord {
  readonly id: string;
  readonly record: ClinicalRecord;
}

export interface ExportInput {
  readonly profile: Profile;
  readonly records: readonly ExportRecord[];
  /** Seeds every id of the Bundle: the same seed and records give the same Bundle. */
  readonly bundleId: string;
  /** The moment of the export, with its offset (`2025-03-14T10:00:00+01:00`). */
  readonly now: string;
  /** The sections to include; the required ones (problems, allergies, medications) always are. */
  readonly sections?: readonly SectionKey[];
  /** Administrative details and emergency contacts on the Patient (default true). */
  readonly patientDetails?: boolean;
  /** Files to include inline (base64), by document record id. */
  readonly files?: ReadonlyMap<string, string>;
}

const TITLES: { readonly [L in Locale]: string } = {
  en: 'Patient summary',
  fr: 'Synthèse médicale du patient',
};

function absentEntry(section: 'allergies' | 'problems' | 'medications', ctx: ToFhirContext, today: string) {
  const code = concept(
    {
      allergies: 'No information about allergies',
      problems: 'No information about problems',
      medications: 'No information about medications',
    }[section],
    coding(SYSTEM.absentUnknown, ABSENT[section]),
  );
  const id = ctx.uuid(`absent/${section}`);
  if (section === 'allergies') {
    return {
      resourceType: 'AllergyIntolerance' as const,
      id,
      clinicalStatus: concept('active', coding(SYSTEM.allergyClinical, 'active')),
      code,
      patient: ctx.patient,
    };
  }
  if (section === 'problems') return { resourceType: 'Condition' as const, id, code, subject: ctx.patient };
  return {
    resourceType: 'MedicationStatement' as const,
    id,
    status: 'unknown' as const,
    medicationCodeableConcept: code,
    subject: ctx.patient,
    effectiveDateTime: today,
  };
}

export function exportIps(input: ExportInput): Bundle {
  const locale = input.profile.locale;
  const uuid = (key: string) => stableUuid(`${input.bundleId}|${key}`);
  const today = input.now.slice(0, 10);
  const wanted = new Set<SectionKey>(input.sections ?? SECTION_KEYS);
  for (const key of SECTION_KEYS) if (SECTIONS[key].required) wanted.add(key);

  const included = input.records.filter(
    ({ record }) => isSectionRecord(record) && wanted.has(sectionOf(record)),
  );
  const patientId = uuid('patient');
  const ctx: ToFhirContext = {
    locale,
    patient: { reference: `urn:uuid:${patientId}` },
    uuid,
    files: input.files ?? new Map(),
    exportedIds: new Set(included.map(({ id }) => id)),
  };

  const bySection = new Map<SectionKey, { entries: Resource[]; lines: string[] }>();
  const others: Resource[] = [];
  for (const { id, record } of included) {
    if (!isSectionRecord(record)) continue;
    const mapped = recordToFhir(id, record, ctx, today);
    const [first, ...rest] = mapped.resources;
    if (first === undefined) continue;
    const section = bySection.get(mapped.section) ?? { entries: [], lines: [] };
    section.entries.push(first);
    section.lines.push(mapped.line);
    bySection.set(mapped.section, section);
    others.push(...rest);
  }

  const details = input.patientDetails !== false;
  const administrative = details
    ? input.records.map((r) => r.record).find((r): r is Administrative => r.kind === 'administrative')
    : undefined;
  const contacts = details
    ? input.records
        .map((r) => r.record)
        .filter((r): r is EmergencyContact => r.kind === 'emergency-contact')
        .sort((a, b) => a.priority - b.priority)
    : [];
  const patient = patientToFhir(patientId, input.profile, administrative, contacts);

  if (wanted.has('alerts')) {
    const flags = alertFlags(included, ctx);
    if (flags.entries.length > 0) bySection.set('alerts', flags);
  }

  const sections: CompositionSection[] = [];
  const sectionResources: Resource[] = [];
  for (const key of SECTION_KEYS) {
    if (!wanted.has(key)) continue;
    const found = bySection.get(key);
    const { code, system, required } = SECTIONS[key];
    if (!found && !required) continue;
    const entries = found?.entries ?? [
      absentEntry(key as 'allergies' | 'problems' | 'medications', ctx, today) as Resource,
    ];
    sections.push({
      title: SECTION_TITLES[locale][key],
      code: { coding: [coding(system, code)] },
      text: sectionNarrative(found?.lines ?? [], locale),
      entry: entries.map((r) => ({ reference: `urn:uuid:${r.id}` })),
    });
    sectionResources.push(...entries);
  }

  const composition: Composition = {
    resourceType: 'Composition',
    id: uuid('composition'),
    language: locale,
    status: 'final',
    type: concept('Patient summary Document', coding(SYSTEM.loinc, '60591-5', 'Patient summary Document')),
    subject: ctx.patient,
    date: input.now,
    // The patient compiled this summary in their own record: they are its author.
    author: [ctx.patient],
    title: TITLES[locale],
    confidentiality: 'N',
    section: sections,
  };

  const entry = (resource: Resource): BundleEntry => ({ fullUrl: `urn:uuid:${resource.id}`, resource });
  return {
    resourceType: 'Bundle',
    id: uuid('bundle'),
    language: locale,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid('bundle')}` },
    type: 'document',
    timestamp: input.now,
    entry: [composition, patient, ...sectionResources, ...others].map(entry),
  };
}
