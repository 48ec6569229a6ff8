/**
 * DeviceUseStatement / Device, Consent, DocumentReference and Patient → Carnet records. Text that
 * Carnet keeps as a note (a practitioner's entry, a text document) is decoded from its attachment.
 */
import type {
  Consent,
  Device,
  DeviceUseStatement,
  DocumentReference,
  Patient,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { ADDRESS_USES } from '../schema/administrative.ts';
import { DIRECTIVE_TYPES } from '../schema/advance-directive.ts';
import { base64ToUtf8 } from './base64.ts';
import { carnetValue, SYSTEM } from './codes.ts';
import {
  codeOf,
  type Draft,
  dayOf,
  defined,
  type MapResult,
  notesOf,
  type Reader,
  textOf,
} from './fhir-read.ts';
import { narrativeText } from './narrative.ts';
import { INSURANCE_NUMBER_SYSTEM } from './patient-to-fhir.ts';

function deviceRecord(
  device: Device | undefined,
  use: DeviceUseStatement | undefined,
): Record<string, unknown> {
  const implanted = carnetValue(device?.extension, 'implanted');
  return defined({
    kind: 'device',
    schemaVersion: 1,
    name:
      device?.deviceName?.[0]?.name ??
      textOf(device?.type) ??
      textOf(use?.device && { text: use.device.display }),
    implanted: implanted === true,
    bodySite: textOf(use?.bodySite),
    startDate: dayOf(use?.timingPeriod?.start ?? use?.timingDateTime),
    endDate: dayOf(use?.timingPeriod?.end),
    manufacturer: device?.manufacturer,
    model: device?.modelNumber,
    serialNumber: device?.serialNumber,
    udi: device?.udiCarrier?.[0]?.carrierHRF,
    code: codeOf(device?.type, ['snomed']),
    note: notesOf([...(use?.note ?? []), ...(device?.note ?? [])]),
  });
}

const DEVICE_USED = [
  'extension',
  'udiCarrier',
  'manufacturer',
  'serialNumber',
  'deviceName',
  'modelNumber',
  'type',
  'patient',
  'note',
];

export function deviceUseFromFhir(use: DeviceUseStatement, read: Reader): MapResult {
  if (use.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const device = read.resolve(use.device.reference);
  const record = deviceRecord(device?.resourceType === 'Device' ? device : undefined, use);
  const used = ['status', 'subject', 'timingPeriod', 'timingDateTime', 'device', 'bodySite', 'note'];
  return [{ record, used, consumes: use.device.reference ? [use.device.reference] : [] }];
}

export function deviceFromFhir(device: Device): MapResult {
  return [{ record: deviceRecord(device, undefined), used: DEVICE_USED }];
}

const DIRECTIVE_BY_CATEGORY: Readonly<Record<string, string>> = {
  acd: 'directives',
  dnr: 'do-not-resuscitate',
  hcd: 'trusted-person',
  polst: 'do-not-resuscitate',
};

/** Only advance directives: other consents (research, data sharing) become notes. */
export function consentFromFhir(c: Consent, read: Reader): MapResult | undefined {
  const category = c.category
    .flatMap((cc) => cc.coding ?? [])
    .find((x) => x.system === SYSTEM.consentCategory)?.code;
  const isDirective =
    c.scope.coding?.some((x) => x.code === 'adr') ||
    (category !== undefined && category in DIRECTIVE_BY_CATEGORY);
  if (!isDirective) return undefined;
  const typeExt = carnetValue(c.extension, 'directive-type');
  const type = DIRECTIVE_TYPES.includes(typeExt as never)
    ? typeExt
    : (DIRECTIVE_BY_CATEGORY[category ?? ''] ?? 'other');
  const actor = c.provision?.actor?.[0]?.reference.reference;
  const related = read.resolve(actor) as RelatedPerson | undefined;
  const person =
    related?.resourceType === 'RelatedPerson'
      ? defined({
          name:
            related.name?.[0]?.text ??
            [related.name?.[0]?.given?.join(' '), related.name?.[0]?.family].filter(Boolean).join(' '),
          relationship: textOf(related.relationship?.[0]),
          phone: related.telecom?.find((t) => t.system === 'phone')?.value,
          email: related.telecom?.find((t) => t.system === 'email')?.value,
        })
      : undefined;
  // A foreign directive's own words are in its narrative; Carnet's are in the extension.
  const statement =
    typeExt !== undefined
      ? carnetValue(c.extension, 'statement')
      : ((c.text?.div ? narrativeText(c.text.div).slice(0, 2_000) : undefined) ?? textOf(c.category[0]));
  const draft: Draft = {
    record: defined({
      kind: 'advance-directive',
      schemaVersion: 1,
      type,
      statement,
      person,
      documentLocation: carnetValue(c.extension, 'document-location'),
      date: dayOf(c.dateTime),
      note: carnetValue(c.extension, 'note'),
    }),
    used: [
      'extension',
      'text',
      'status',
      'scope',
      'category',
      'patient',
      'dateTime',
      'sourceReference',
      'policyRule',
      'provision',
    ],
    consumes: actor && person ? [actor] : [],
    ...(c.sourceReference?.reference ? { documentReference: c.sourceReference.reference } : {}),
  };
  return [draft];
}

export interface ImportedFile {
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly category: string;
  readonly date?: string;
  readonly note?: string;
  /** SHA-256 Carnet recorded at export, to check the bytes against; absent from foreign files. */
  readonly sha256?: string;
  /** The file, base64, for the documents service to store in chunks. */
  readonly data: string;
}

export type DocumentResult = { readonly file: ImportedFile } | MapResult;

function decodedText(d: DocumentReference): string | undefined {
  const a = d.content[0]?.attachment;
  return a?.data && a.contentType?.startsWith('text/plain') ? base64ToUtf8(a.data) : undefined;
}

export function documentFromFhir(d: DocumentReference, read: Reader): DocumentResult | undefined {
  if (d.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const attachment = d.content[0]?.attachment;
  const title = d.description ?? attachment?.title ?? textOf(d.type) ?? 'Document';
  const used = [
    'extension',
    'status',
    'type',
    'subject',
    'date',
    'author',
    'description',
    'content',
    'category',
  ];
  const entryType = carnetValue(d.extension, 'practitioner-entry');
  const text = decodedText(d);
  if (typeof entryType === 'string' && text !== undefined) {
    // Imported as a note, never as a signed entry: its signature cannot be checked outside the share.
    const author = read.resolve(d.author?.[0]?.reference);
    const name = author?.resourceType === 'Practitioner' ? author.name?.[0]?.text : undefined;
    const profession =
      author?.resourceType === 'Practitioner' ? author.qualification?.[0]?.code.text : undefined;
    const by = [name, profession].filter(Boolean).join(', ');
    return [
      {
        record: {
          kind: 'note',
          schemaVersion: 1,
          title,
          body: `${by ? `${by} (${d.date ?? ''}):\n` : ''}${text}`,
        },
        used,
        consumes: d.author?.[0]?.reference ? [d.author[0].reference] : [],
      },
    ];
  }
  if (text !== undefined) {
    const tags = (d.extension ?? [])
      .filter((e) => e.url.endsWith('/StructureDefinition/tag') && e.valueString)
      .map((e) => e.valueString);
    return [
      {
        record: defined({
          kind: 'note',
          schemaVersion: 1,
          title,
          body: text,
          tags: tags.length > 0 ? tags : undefined,
        }),
        used,
      },
    ];
  }
  if (attachment?.data) {
    const sha256 = carnetValue(d.extension, 'sha256');
    return {
      file: {
        title,
        fileName: attachment.title ?? 'document',
        mediaType: attachment.contentType ?? 'application/octet-stream',
        category: (carnetValue(d.extension, 'document-category') as string | undefined) ?? 'other',
        ...(dayOf(attachment.creation ?? d.date) ? { date: dayOf(attachment.creation ?? d.date) } : {}),
        ...(typeof carnetValue(d.extension, 'note') === 'string'
          ? { note: carnetValue(d.extension, 'note') as string }
          : {}),
        ...(typeof sha256 === 'string' ? { sha256 } : {}),
        data: attachment.data,
      },
    };
  }
  return undefined;
}

function contactsFromFhir(p: Patient): Draft[] {
  return (p.contact ?? []).map((c, i) => ({
    record: defined({
      kind: 'emergency-contact',
      schemaVersion: 1,
      name: c.name?.text ?? [c.name?.given?.join(' '), c.name?.family].filter(Boolean).join(' '),
      relationship: textOf(c.relationship?.[0]),
      phone: c.telecom?.find((t) => t.system === 'phone')?.value,
      email: c.telecom?.find((t) => t.system === 'email')?.value,
      priority: carnetValue(c.extension, 'contact-priority') ?? i + 1,
      languages: (() => {
        const list = (c.extension ?? [])
          .filter((e) => e.url.endsWith('/contact-language'))
          .map((e) => e.valueString);
        return list.length > 0 ? list : undefined;
      })(),
      note: carnetValue(c.extension, 'note'),
    }),
    used: ['contact'],
  }));
}

/** Administrative details when the Patient carries any; its contacts as emergency contacts. */
export function patientFromFhir(p: Patient): MapResult {
  const e = p.extension;
  const insurance = p.identifier?.find((i) => i.system === INSURANCE_NUMBER_SYSTEM)?.value;
  const addresses = (p.address ?? []).slice(0, 5).map((a) =>
    defined({
      use: ADDRESS_USES.includes(a.use as never) ? a.use : 'other',
      text:
        a.text ??
        [...(a.line ?? []), [a.postalCode, a.city].filter(Boolean).join(' '), a.country]
          .filter(Boolean)
          .join('\n'),
    }),
  );
  const complementary = carnetValue(e, 'complementary-insurance');
  const gp = p.generalPractitioner?.[0]?.display;
  const administrative = defined({
    kind: 'administrative',
    schemaVersion: 1,
    nationalHealthInsuranceNumber: insurance,
    complementaryInsurance: complementary
      ? defined({ name: complementary, memberNumber: carnetValue(e, 'complementary-insurance-member') })
      : undefined,
    addresses: addresses.length > 0 ? addresses : undefined,
    generalPractitioner: gp
      ? defined({ name: gp, phone: carnetValue(e, 'general-practitioner-phone') })
      : undefined,
    bloodType: carnetValue(e, 'blood-type') ?? 'unknown',
    organDonor: carnetValue(e, 'organ-donor') ?? 'unknown',
    note: carnetValue(e, 'administrative-note'),
  });
  const hasDetails =
    Object.keys(administrative).length > 4 ||
    administrative.bloodType !== 'unknown' ||
    administrative.organDonor !== 'unknown';
  const drafts: Draft[] = [
    ...(hasDetails
      ? [{ record: administrative, used: ['extension', 'identifier', 'address', 'generalPractitioner'] }]
      : []),
    ...contactsFromFhir(p),
  ];
  return drafts.length > 0 ? drafts : { skip: 'document-frame' };
}
