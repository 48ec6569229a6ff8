import { describe, expect, it } from 'vitest';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';
import { buildPayload } from './entry-payload.ts';

describe('buildPayload', () => {
  it('signs only the author fields the payload schema knows, not the directory fields of the profile', () => {
    const payload = buildPayload({
      id: 'e1',
      shareId: 's1',
      profileId: 'p1',
      tag: 't',
      signPk: 'pk',
      author: {
        name: 'Dr Listed',
        profession: 'GP',
        city: 'Lyon',
        listed: true,
        languages: ['fr'],
        rateCents: 5_000,
        accepts: { messages: true, secondOpinions: false, calls: false },
      },
      entry: { createdAt: '2026-01-01T00:00:00Z' } as unknown as PractitionerEntry,
    });
    expect(payload.author).toEqual({ name: 'Dr Listed', profession: 'GP', city: 'Lyon', signPk: 'pk' });
  });
});
