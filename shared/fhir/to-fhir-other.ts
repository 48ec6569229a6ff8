/**
 * Devices, advance directives, documents, practitioner entries and notes → FHIR R4.
 * Documents travel as metadata; their file only when the user asked for it (`ctx.files`).
 */
import type {
  Consent,
  Device,
  DeviceUseStatement,
  DocumentReference,
  Practitioner,
  RelatedPerson,
} from '@medplum/fhirtypes';
import type { AdvanceDirective } from '../schema/advance-directive.ts';
import type { Device as DeviceRecord } from '../schema/device.ts';
import type { DocumentRecord } from '../schema/document.ts';
import type { Note } from '../schema/note.ts';
import type { PractitionerEntry } from '../schema/practitioner-entry.ts';
import { utf8ToBase64 } from './base64.ts';
import { carnetExtension, coding, concept, DIRECTIVE_CATEGORY, SYSTEM } from './codes.ts';
import { line } from './narrative.ts';
import { label } from './narrative-labels.ts';
import { notes } from './to-fhir-clinical.ts';
import { type MappedRecord, refTo, type ToFhirContext } from './to-fhir-context.ts';

export function deviceToFhir(id: string, r: DeviceRecord, ctx: ToFhirContext): MappedRecord {
  const device: Device = {
    resourceType: 'Device',
    id: ctx.uuid(`${id}/device`),
    extension: [carnetExtension('implanted', r.implanted)],
    ...(r.udi ? { udiCarrier: [{ carrierHRF: r.udi }] } : {}),
    ...(r.manufacturer ? { manufacturer: r.manufacturer } : {}),
    ...(r.serialNumber ? { serialNumber: r.serialNumber } : {}),
    deviceName: [{ name: r.name, type: 'user-friendly-name' }],
    ...(r.model ? { modelNumber: r.model } : {}),
    type: concept(r.name, r.code && coding(r.code.system, r.code.code, r.code.display)),
    patient: ctx.patient,
  };
  const use: DeviceUseStatement = {
    resourceType: 'DeviceUseStatement',
    id: ctx.uuid(id),
    status: r.endDate === undefined ? 'active' : 'completed',
    subject: ctx.patient,
    ...(r.startDate || r.endDate
      ? {
          timingPeriod: {
            ...(r.startDate ? { start: r.startDate } : {}),
            ...(r.endDate ? { end: r.endDate } : {}),
          },
        }
      : {}),
    device: refTo(device),
    ...(r.bodySite ? { bodySite: { text: r.bodySite } } : {}),
    ...notes(r.note),
  };
  return {
    section: 'devices',
    resources: [use, device],
    line: line(
      r.name,
      r.implanted && label(ctx.locale, 'words', 'implanted'),
      r.bodySite,
      r.startDate && `${label(ctx.locale, 'words', 'since')} ${r.startDate}`,
      r.endDate && `${label(ctx.locale, 'words', 'until')} ${r.endDate}`,
    ),
  };
}

export function directiveToFhir(id: string, r: AdvanceDirective, ctx: ToFhirContext): MappedRecord {
  const person: RelatedPerson | undefined = r.person && {
    resourceType: 'RelatedPerson',
    id: ctx.uuid(`${id}/person`),
    patient: ctx.patient,
    ...(r.person.relationship ? { relationship: [{ text: r.person.relationship }] } : {}),
    name: [{ text: r.person.name }],
    ...(r.person.phone || r.person.email
      ? {
          telecom: [
            ...(r.person.phone ? [{ system: 'phone' as const, value: r.person.phone }] : []),
            ...(r.person.email ? [{ system: 'email' as const, value: r.person.email }] : []),
          ],
        }
      : {}),
  };
  const attached = r.documentId !== undefined && ctx.exportedIds.has(r.documentId) ? r.documentId : undefined;
  const consent: Consent = {
    resourceType: 'Consent',
    id: ctx.uuid(id),
    extension: [
      carnetExtension('directive-type', r.type),
      ...(r.statement ? [carnetExtension('statement', r.statement)] : []),
      ...(r.documentLocation ? [carnetExtension('document-location', r.documentLocation)] : []),
      ...(r.note ? [carnetExtension('note', r.note)] : []),
    ],
    status: 'active',
    scope: concept('Advance directive', coding(SYSTEM.consentScope, 'adr')),
    category: [concept(r.type, coding(SYSTEM.consentCategory, DIRECTIVE_CATEGORY[r.type]))],
    patient: ctx.patient,
    ...(r.date ? { dateTime: r.date } : {}),
    ...(attached ? { sourceReference: { reference: `urn:uuid:${ctx.uuid(attached)}` } } : {}),
    // R4 (ppc-1) wants a policy: the patient's own declaration is the only one there is.
    policyRule: { text: 'Declared by the patient' },
    ...(person
      ? {
          provision: {
            actor: [
              {
                role: concept('Trusted person', coding(SYSTEM.roleCode, 'HPOWATT')),
                reference: refTo(person),
              },
            ],
          },
        }
      : {}),
  };
  return {
    section: 'advanceDirectives',
    resources: person ? [consent, person] : [consent],
    line: line(
      label(ctx.locale, 'directive', r.type),
      r.statement,
      r.person?.name,
      r.person?.phone,
      r.documentLocation && `${label(ctx.locale, 'words', 'document')}: ${r.documentLocation}`,
      r.date,
    ),
  };
}

export function documentToFhir(id: string, r: DocumentRecord, ctx: ToFhirContext): MappedRecord {
  const data = ctx.files.get(id);
  const resource: DocumentReference = {
    resourceType: 'DocumentReference',
    id: ctx.uuid(id),
    extension: [
      carnetExtension('document-category', r.category),
      carnetExtension('sha256', r.sha256),
      ...(r.note ? [carnetExtension('note', r.note)] : []),
    ],
    status: 'current',
    type: { text: r.category },
    subject: ctx.patient,
    description: r.title,
    content: [
      {
        attachment: {
          contentType: r.mediaType,
          ...(data !== undefined ? { data } : {}),
          size: r.sizeBytes,
          title: r.fileName,
          creation: r.date,
        },
      },
    ],
  };
  return { section: 'documents', resources: [resource], line: line(r.title, r.fileName, r.date) };
}

function entryText(r: PractitionerEntry): string {
  switch (r.entryType) {
    case 'note':
    case 'diagnosis':
      return r.body;
    case 'prescription':
      return [
        r.body,
        ...r.items.map((i) => [i.medication, i.dosage, i.duration, i.quantity].filter(Boolean).join(' — ')),
      ]
        .filter(Boolean)
        .join('\n');
    case 'exercise-programme':
      return [
        r.body,
        ...r.exercises.map((e) =>
          [
            e.name,
            e.sets && `${e.sets} ×`,
            e.repetitions,
            e.durationMinutes && `${e.durationMinutes} min`,
            e.frequency,
            e.instructions,
          ]
            .filter(Boolean)
            .join(' — '),
        ),
      ]
        .filter(Boolean)
        .join('\n');
  }
}

/**
 * A practitioner's entry as a text document authored by that practitioner. The signature cannot
 * travel: it binds the entry to this profile and share, so another system could not check it.
 */
export function practitionerEntryToFhir(id: string, r: PractitionerEntry, ctx: ToFhirContext): MappedRecord {
  const author: Practitioner = {
    resourceType: 'Practitioner',
    id: ctx.uuid(`${id}/author`),
    extension: [carnetExtension('identifier-self-declared', true)],
    ...(r.practitioner.professionalId ? { identifier: [{ value: r.practitioner.professionalId }] } : {}),
    name: [{ text: r.practitioner.name }],
    qualification: [
      {
        code: {
          text: [r.practitioner.profession, r.practitioner.specialty].filter(Boolean).join(', '),
        },
      },
    ],
  };
  const text = entryText(r);
  const resource: DocumentReference = {
    resourceType: 'DocumentReference',
    id: ctx.uuid(id),
    extension: [carnetExtension('practitioner-entry', r.entryType)],
    status: 'current',
    type: { text: r.entryType },
    subject: ctx.patient,
    date: r.createdAt,
    author: [refTo(author)],
    description: r.title,
    content: [
      { attachment: { contentType: 'text/plain;charset=utf-8', data: utf8ToBase64(text), title: r.title } },
    ],
  };
  return {
    section: 'practitionerNotes',
    resources: [resource, author],
    line: line(r.title, r.practitioner.name, r.createdAt.slice(0, 10), text),
  };
}

export function noteToFhir(id: string, r: Note, ctx: ToFhirContext): MappedRecord {
  const resource: DocumentReference = {
    resourceType: 'DocumentReference',
    id: ctx.uuid(id),
    extension: [
      carnetExtension('patient-note', true),
      ...(r.tags ?? []).map((tag) => carnetExtension('tag', tag)),
    ],
    status: 'current',
    subject: ctx.patient,
    description: r.title,
    content: [
      { attachment: { contentType: 'text/plain;charset=utf-8', data: utf8ToBase64(r.body), title: r.title } },
    ],
  };
  return { section: 'notes', resources: [resource], line: line(r.title, r.body) };
}
