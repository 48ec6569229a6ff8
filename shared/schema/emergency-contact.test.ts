import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const mother = EXAMPLE_RECORDS['emergency-contact'];

describe('emergency contact', () => {
  it('accepts a contact with an international number, email and languages', () => {
    expect(parseRecord(mother)).toEqual({ ok: true, value: mother });
  });

  it.each(['06.12.34.56.78', '(514) 555-0199', '+44 20 7946 0958', '112233'])(
    'accepts the phone number %s',
    (phone) => {
      expect(parseRecord({ ...mother, phone }).ok).toBe(true);
    },
  );

  it('rejects a phone number with too few digits', () => {
    expect(recordIssues({ ...mother, phone: '12 345' })).toEqual([
      { path: 'phone', message: 'Phone must have between 6 and 20 digits' },
    ]);
  });

  it('rejects a phone number with too many digits', () => {
    expect(recordIssues({ ...mother, phone: '+33 6 12 34 56 78 90 12 34 56 78' })).toEqual([
      { path: 'phone', message: 'Phone must have between 6 and 20 digits' },
    ]);
  });

  it('rejects a phone number with letters, once', () => {
    expect(recordIssues({ ...mother, phone: 'maman' })).toEqual([
      { path: 'phone', message: 'Phone may contain only digits, spaces, +, -, dots and parentheses' },
    ]);
  });

  it('rejects an incomplete email', () => {
    expect(recordIssues({ ...mother, email: 'marie.durand@' })).toEqual([
      { path: 'email', message: 'Email must be a valid email address such as name@example.org' },
    ]);
  });

  it('rejects a priority of zero and an empty language', () => {
    expect(recordIssues({ ...mother, priority: 0, languages: ['français', ''] })).toEqual([
      { path: 'priority', message: 'Priority must be between 1 and 99' },
      { path: 'languages.1', message: 'Language must not be empty' },
    ]);
  });
});
