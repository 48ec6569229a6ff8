/** Patient → administrative details and emergency contacts (its identity is the profile itself). */
import type { Patient } from '@medplum/fhirtypes';
import { ADDRESS_USES } from '../schema/administrative.ts';
import { carnetValue } from './codes.ts';
import { type Draft, defined, type MapResult, textOf } from './fhir-read.ts';
import { INSURANCE_NUMBER_SYSTEM } from './patient-to-fhir.ts';

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
