/** DeviceUseStatement / Device and advance-directive Consents → Carnet records. */
import type { Consent, Device, DeviceUseStatement, RelatedPerson } from '@medplum/fhirtypes';
import { DIRECTIVE_TYPES } from '../schema/advance-directive.ts';
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
