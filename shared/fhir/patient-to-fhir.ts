/**
 * The Patient resource: the profile's identity, plus the administrative details and emergency
 * contacts, which FHIR keeps on the patient rather than in sections.
 */
import type { Address, Patient, PatientContact } from '@medplum/fhirtypes';
import type { Administrative } from '../schema/administrative.ts';
import type { EmergencyContact } from '../schema/emergency-contact.ts';
import type { Profile } from '../schema/profile.ts';
import { CARNET, carnetExtension } from './codes.ts';

export const INSURANCE_NUMBER_SYSTEM = `${CARNET}/NamingSystem/national-health-insurance-number`;

function contactToFhir(c: EmergencyContact): PatientContact {
  return {
    extension: [
      carnetExtension('contact-priority', c.priority),
      ...(c.languages ?? []).map((language) => carnetExtension('contact-language', language)),
      ...(c.note ? [carnetExtension('note', c.note)] : []),
    ],
    relationship: [{ text: c.relationship }],
    name: { text: c.name },
    telecom: [
      { system: 'phone', value: c.phone },
      ...(c.email ? [{ system: 'email' as const, value: c.email }] : []),
    ],
  };
}

// FHIR has no "other" use: such an address has no use, and Carnet's extension says so.
function addressToFhir(address: NonNullable<Administrative['addresses']>[number]): Address {
  return address.use === 'other'
    ? { extension: [carnetExtension('address-use', 'other')], text: address.text }
    : { use: address.use, text: address.text };
}

export function patientToFhir(
  id: string,
  profile: Profile,
  administrative: Administrative | undefined,
  contacts: readonly EmergencyContact[],
): Patient {
  const a = administrative;
  const extension = a
    ? [
        carnetExtension('blood-type', a.bloodType),
        carnetExtension('organ-donor', a.organDonor),
        ...(a.complementaryInsurance
          ? [carnetExtension('complementary-insurance', a.complementaryInsurance.name)]
          : []),
        ...(a.complementaryInsurance?.memberNumber
          ? [carnetExtension('complementary-insurance-member', a.complementaryInsurance.memberNumber)]
          : []),
        ...(a.generalPractitioner?.phone
          ? [carnetExtension('general-practitioner-phone', a.generalPractitioner.phone)]
          : []),
        ...(a.note ? [carnetExtension('administrative-note', a.note)] : []),
      ]
    : [];
  return {
    resourceType: 'Patient',
    id,
    ...(extension.length > 0 ? { extension } : {}),
    ...(a?.nationalHealthInsuranceNumber
      ? { identifier: [{ system: INSURANCE_NUMBER_SYSTEM, value: a.nationalHealthInsuranceNumber }] }
      : {}),
    name: [{ text: profile.displayName }],
    gender: profile.sex,
    // Empty when the summary is made from what a share shows (a patient may share no birth date).
    ...(profile.dateOfBirth ? { birthDate: profile.dateOfBirth } : {}),
    ...(a?.addresses ? { address: a.addresses.map(addressToFhir) } : {}),
    ...(contacts.length > 0 ? { contact: contacts.map(contactToFhir) } : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: profile.locale }] } }],
    ...(a?.generalPractitioner ? { generalPractitioner: [{ display: a.generalPractitioner.name }] } : {}),
  };
}
