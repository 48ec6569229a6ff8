/** Which mapper reads which resource type; undefined means "no Carnet kind": it becomes a note. */
import type { Resource } from '@medplum/fhirtypes';
import { carnetValue } from './codes.ts';
import type { MapResult, Reader } from './fhir-read.ts';
import {
  allergyFromFhir,
  conditionFromFhir,
  familyHistoryFromFhir,
  immunizationFromFhir,
  procedureFromFhir,
} from './from-fhir-clinical.ts';
import { type DocumentResult, documentFromFhir } from './from-fhir-document.ts';
import { medicationFromFhir } from './from-fhir-medication.ts';
import { observationFromFhir } from './from-fhir-observations.ts';
import { consentFromFhir, deviceFromFhir, deviceUseFromFhir } from './from-fhir-other.ts';
import { patientFromFhir } from './from-fhir-patient.ts';

export function mapResource(resource: Resource, read: Reader): MapResult | DocumentResult | undefined {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
      return allergyFromFhir(resource);
    case 'Condition':
      return conditionFromFhir(resource);
    case 'MedicationStatement':
    case 'MedicationRequest':
      return medicationFromFhir(resource, read);
    case 'Immunization':
      return immunizationFromFhir(resource);
    case 'Procedure':
      return procedureFromFhir(resource);
    case 'FamilyMemberHistory':
      return familyHistoryFromFhir(resource);
    case 'Observation':
      return observationFromFhir(resource, read);
    case 'DeviceUseStatement':
      return deviceUseFromFhir(resource, read);
    case 'Device':
      return deviceFromFhir(resource);
    case 'Consent':
      return consentFromFhir(resource, read);
    case 'DocumentReference':
      return documentFromFhir(resource, read);
    case 'Patient':
      return patientFromFhir(resource);
    case 'Composition':
      return { skip: 'document-frame' };
    case 'Flag':
      return carnetValue(resource.extension, 'derived-alert') === undefined
        ? undefined
        : { skip: 'derived-alert' };
    case 'Practitioner':
    case 'PractitionerRole':
    case 'Organization':
    case 'RelatedPerson':
    case 'Medication':
      return { skip: 'directory-entry' };
    default:
      return undefined;
  }
}
