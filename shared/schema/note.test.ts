import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const note = EXAMPLE_RECORDS.note;

describe('note', () => {
  it('accepts a note with tags', () => {
    expect(parseRecord(note)).toEqual({ ok: true, value: note });
  });

  it('accepts a note without tags', () => {
    const { tags: _, ...untagged } = note;
    expect(parseRecord(untagged)).toEqual({ ok: true, value: untagged });
  });

  it('rejects a title of only spaces', () => {
    expect(recordIssues({ ...note, title: '   ' })).toEqual([
      { path: 'title', message: 'Title must not be empty' },
    ]);
  });

  it('rejects a body over 20,000 characters', () => {
    expect(recordIssues({ ...note, body: 'a'.repeat(20_001) })).toEqual([
      { path: 'body', message: 'Text must be at most 20000 characters' },
    ]);
  });

  it('rejects more than 20 tags and a tag that is not text', () => {
    expect(recordIssues({ ...note, tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) })).toEqual([
      { path: 'tags', message: 'Tags may have at most 20 entries' },
    ]);
    expect(recordIssues({ ...note, tags: ['cardio', 42] })).toEqual([
      { path: 'tags.1', message: 'Tag must be text' },
    ]);
  });
});
