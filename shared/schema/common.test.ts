import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime, phone, text } from './common.ts';
import { parseWith } from './readable-issues.ts';
import { issuesOf } from './testing.ts';

describe('common field schemas', () => {
  it.each(['2024-02-29', '2000-02-29', '1999-12-31'])('accepts the real date %s', (date) => {
    expect(parseWith(isoDate('Date'), date)).toEqual({ ok: true, value: date });
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-1-5',
    '14/03/2025',
    '2025-03-14T10:00:00Z',
  ])('rejects %s as not a real date', (date) => {
    expect(issuesOf(isoDate('Date'), date)).toEqual([
      { path: '', message: 'Date must be a real date in the form YYYY-MM-DD' },
    ]);
  });

  it('accepts date-times with an offset only', () => {
    expect(parseWith(isoDateTime('Time'), '2025-03-14T09:30:00.250Z').ok).toBe(true);
    expect(issuesOf(isoDateTime('Time'), '2025-03-14 09:30')).toEqual([
      { path: '', message: 'Time must be a date and time such as 2025-03-14T09:30:00+01:00' },
    ]);
  });

  it('trims text and counts the limit after trimming', () => {
    expect(parseWith(text('Name', 5), '  Léa  ')).toEqual({ ok: true, value: 'Léa' });
    expect(issuesOf(text('Name', 5), 'Léonie')).toEqual([
      { path: '', message: 'Name must be at most 5 characters' },
    ]);
  });

  it('keeps the phone number as typed, trimmed', () => {
    expect(parseWith(phone('Phone'), ' +33 (0)6 12 34 56 78 ')).toEqual({
      ok: true,
      value: '+33 (0)6 12 34 56 78',
    });
  });
});
