/** Free notes the patient keeps for themselves. */

import { schemaVersion, TEXT_MAX, text, textList } from './common.ts';
import { z } from './zod.ts';

export const noteSchema = z.strictObject({
  kind: z.literal('note'),
  schemaVersion,
  title: text('Title'),
  body: text('Text', TEXT_MAX.long),
  tags: textList('Tags', 'Tag', 20, 40).optional(),
});

export type Note = z.infer<typeof noteSchema>;
