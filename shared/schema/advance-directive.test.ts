import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const trusted = EXAMPLE_RECORDS['advance-directive'];

describe('advance directive', () => {
  it('accepts a trusted person, and directives kept as an attached document only', () => {
    expect(parseRecord(trusted)).toEqual({ ok: true, value: trusted });
    const directives = {
      kind: 'advance-directive',
      schemaVersion: 1,
      type: 'directives',
      documentId: 'Zm9vYmFyYmF6cXV4MTIzNA',
    };
    expect(parseRecord(directives)).toEqual({ ok: true, value: directives });
  });

  it('requires the person for a trusted person', () => {
    const { person: _, ...withoutPerson } = trusted;
    expect(recordIssues(withoutPerson)).toEqual([{ path: 'person', message: 'Name the trusted person' }]);
  });

  it('rejects a directive that says nothing, and a document id that is not a record id', () => {
    expect(recordIssues({ kind: 'advance-directive', schemaVersion: 1, type: 'other' })).toEqual([
      { path: '', message: 'Say what the directive says, who the person is, or where the document is' },
    ]);
    expect(recordIssues({ ...trusted, documentId: '../etc' })).toEqual([
      { path: 'documentId', message: 'Attached document must be a record id' },
    ]);
  });

  it('checks the person’s phone like any phone', () => {
    expect(recordIssues({ ...trusted, person: { name: 'Julie', phone: 'call me' } })).toEqual([
      {
        path: 'person.phone',
        message: 'Phone of the person may contain only digits, spaces, +, -, dots and parentheses',
      },
    ]);
  });
});
