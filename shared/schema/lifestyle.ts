/** Lifestyle: smoking, alcohol, diet and physical activity, as recorded on a given day. */

import { group, integerIn, isoDate, numberIn, oneOf, schemaVersion, TEXT_MAX, text } from './common.ts';
import { z } from './zod.ts';

export const SMOKING_STATUSES = ['never', 'former', 'current'] as const;

const smokingSchema = group('Smoking', {
  status: oneOf('Smoking status', SMOKING_STATUSES),
  packsPerDay: numberIn('Packs per day', 0, 10).optional(),
}).refine((s) => s.status !== 'never' || s.packsPerDay === undefined, {
  path: ['packsPerDay'],
  message: 'Packs per day must be left empty for someone who never smoked',
});

export const lifestyleSchema = z
  .strictObject({
    kind: z.literal('lifestyle'),
    schemaVersion,
    recordedOn: isoDate('Date recorded'),
    smoking: smokingSchema.optional(),
    alcoholUnitsPerWeek: numberIn('Alcohol units per week', 0, 500).optional(),
    diet: text('Diet', TEXT_MAX.medium).optional(),
    activityMinutesPerWeek: integerIn('Physical activity minutes per week', 0, 7 * 24 * 60).optional(),
    note: text('Note', TEXT_MAX.medium).optional(),
  })
  .refine(
    (l) =>
      l.smoking !== undefined ||
      l.alcoholUnitsPerWeek !== undefined ||
      l.diet !== undefined ||
      l.activityMinutesPerWeek !== undefined,
    { message: 'Record at least one of smoking, alcohol, diet or physical activity' },
  );

export type Lifestyle = z.infer<typeof lifestyleSchema>;
