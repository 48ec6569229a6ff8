/**
 * The patient's emergency profile, kept encrypted in the vault like any record. What the QR codes
 * carry is derived from it (`shared/emergency`); the copy shown on the lock screen is a separate,
 * opt-in, unencrypted copy on one device only.
 */
import { emergencyProfileSchema } from '../emergency/profile.ts';
import { schemaVersion } from './common.ts';
import { z } from './zod.ts';

export const emergencyProfileRecordSchema = z.strictObject({
  kind: z.literal('emergency-profile'),
  schemaVersion,
  profile: emergencyProfileSchema,
});

export type EmergencyProfileRecord = z.infer<typeof emergencyProfileRecordSchema>;
