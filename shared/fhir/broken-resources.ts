/**
 * Broken resources and the issues R4 validation must report, shared by the test of the full
 * definitions (validate-r4.test.ts) and of the trimmed set the app carries (fhir-validator.test.ts).
 */
import { expect } from 'vitest';

export const BROKEN_RESOURCES: readonly [string, unknown, unknown][] = [
  [
    'an unknown property',
    { resourceType: 'Condition', subject: { reference: 'Patient/1' }, severityLevel: 'high' },
    [{ path: 'Condition.severityLevel', message: 'Invalid additional property "severityLevel"' }],
  ],
  [
    'a missing required element',
    {
      resourceType: 'MedicationStatement',
      subject: { reference: 'Patient/1' },
      medicationCodeableConcept: { text: 'x' },
    },
    [{ path: 'MedicationStatement.status', message: 'Missing required property' }],
  ],
  [
    'a wrong JSON type',
    { resourceType: 'Patient', birthDate: 19840602 },
    [{ path: 'Patient.birthDate', message: 'Invalid JSON type: expected string, but got number' }],
  ],
  [
    'a broken invariant (abatement on an active condition)',
    {
      resourceType: 'Condition',
      subject: { reference: 'Patient/1' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      abatementDateTime: '2020-01-01',
    },
    [expect.objectContaining({ message: expect.stringContaining('con-4') })],
  ],
];
