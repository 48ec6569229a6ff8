/** Administrative details: insurance, addresses, general practitioner, blood type, organ donation. */

import { group, oneOf, phone, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export const ORGAN_DONOR_CHOICES = ['yes', 'no', 'unknown'] as const;
export const ADDRESS_USES = ['home', 'work', 'other'] as const;

// Loose: formats differ by country (French NIR "1 85 05 78 006 084 36", UK NHS "485 777 3456").
const INSURANCE_NUMBER = /^[0-9A-Za-z][0-9A-Za-z .-]{3,39}$/;

const addressSchema = group('Address', {
  use: oneOf('Address use', ADDRESS_USES),
  /** As written on an envelope, lines separated by newlines. */
  text: text('Address', 500),
});

export const administrativeSchema = z.strictObject({
  kind: z.literal('administrative'),
  schemaVersion,
  nationalHealthInsuranceNumber: text('National health insurance number', 40)
    .regex(
      INSURANCE_NUMBER,
      'National health insurance number may contain only letters, digits, spaces, dots and dashes',
    )
    .optional(),
  /** In France, the mutuelle. */
  complementaryInsurance: group('Complementary insurance', {
    name: text('Complementary insurance name'),
    memberNumber: text('Complementary insurance member number', 60).optional(),
  }).optional(),
  addresses: z
    .array(addressSchema, { error: 'Addresses must be a list' })
    .max(5, 'Addresses may have at most 5 entries')
    .optional(),
  generalPractitioner: group('General practitioner', {
    name: text('General practitioner name'),
    phone: phone('General practitioner phone').optional(),
  }).optional(),
  bloodType: oneOf('Blood type', BLOOD_TYPES),
  organDonor: oneOf('Organ donor', ORGAN_DONOR_CHOICES),
  note: text('Note', TEXT_MAX.medium).optional(),
});

export type Administrative = z.infer<typeof administrativeSchema>;
