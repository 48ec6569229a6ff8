/**
 * Medical devices and implants (modelled on FHIR Device and DeviceUseStatement): a pacemaker, a hip
 * prosthesis, an insulin pump. Implanted devices feed the emergency profile's device line.
 */

import { codeSchema } from './clinical-code.ts';
import { flag, isoDate, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const deviceSchema = z
  .strictObject({
    kind: z.literal('device'),
    schemaVersion,
    name: text('Device'),
    /** Inside the body (pacemaker, prosthesis, stent): responders and MRI staff must know. */
    implanted: flag('Implanted'),
    bodySite: text('Body site').optional(),
    startDate: isoDate('Start date').optional(),
    /** Removed, explanted or no longer used. */
    endDate: isoDate('End date').optional(),
    manufacturer: text('Manufacturer').optional(),
    model: text('Model', 100).optional(),
    serialNumber: text('Serial number', 100).optional(),
    /** The Unique Device Identifier as printed on the implant card (human-readable form). */
    udi: text('UDI', 200).optional(),
    code: codeSchema(['snomed']).optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine((d) => d.startDate === undefined || d.endDate === undefined || d.endDate >= d.startDate, {
    path: ['endDate'],
    message: 'End date must not be before start date',
  });

export type Device = z.infer<typeof deviceSchema>;
