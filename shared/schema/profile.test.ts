import { describe, expect, it } from 'vitest';
import { MAX_PROFILES, makeProfileSchema } from './profile.ts';
import { parseWith } from './readable-issues.ts';
import { issuesOf } from './testing.ts';

// 2025-03-14T12:00:00Z: the latest date anywhere on Earth is then 2025-03-15 (UTC+14).
const now = () => Date.UTC(2025, 2, 14, 12);
const schema = makeProfileSchema(now);

const lea = {
  schemaVersion: 1,
  displayName: 'Léa',
  relationship: 'child',
  dateOfBirth: '2019-07-21',
  sex: 'female',
  locale: 'fr',
};

describe('profile', () => {
  it('allows six profiles per account', () => {
    expect(MAX_PROFILES).toBe(6);
  });

  it('accepts a child profile', () => {
    expect(parseWith(schema, lea)).toEqual({ ok: true, value: lea });
  });

  it('accepts an inline photo and a reference to a stored one', () => {
    expect(parseWith(schema, { ...lea, photo: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' }).ok).toBe(true);
    expect(parseWith(schema, { ...lea, photo: 'blob:ph_01HQ7Z' }).ok).toBe(true);
  });

  it('accepts a birth on the latest date anywhere on Earth, so no time zone rejects a newborn', () => {
    expect(parseWith(schema, { ...lea, dateOfBirth: '2025-03-15' }).ok).toBe(true);
  });

  it('rejects a date of birth in the future', () => {
    expect(issuesOf(schema, { ...lea, dateOfBirth: '2025-03-16' })).toEqual([
      { path: 'dateOfBirth', message: 'Date of birth must not be in the future' },
    ]);
  });

  it('rejects a display name longer than 80 characters, or empty', () => {
    expect(issuesOf(schema, { ...lea, displayName: 'L'.repeat(81) })).toEqual([
      { path: 'displayName', message: 'Display name must be at most 80 characters' },
    ]);
    expect(issuesOf(schema, { ...lea, displayName: ' ' })).toEqual([
      { path: 'displayName', message: 'Display name must not be empty' },
    ]);
  });

  it('rejects an unknown relationship, sex and locale', () => {
    expect(issuesOf(schema, { ...lea, relationship: 'cousin', sex: 'f', locale: 'de' })).toEqual([
      { path: 'relationship', message: 'Relationship must be one of: self, child, partner, parent, other' },
      { path: 'sex', message: 'Sex must be one of: female, male, other, unknown' },
      { path: 'locale', message: 'Language must be one of: en, fr' },
    ]);
  });

  it('rejects a photo that is not an image', () => {
    expect(issuesOf(schema, { ...lea, photo: 'https://example.org/lea.jpg' })).toEqual([
      { path: 'photo', message: 'Photo must be a PNG, JPEG or WebP image' },
    ]);
    expect(issuesOf(schema, { ...lea, photo: 'data:text/html;base64,PGgxPg==' })).toEqual([
      { path: 'photo', message: 'Photo must be a PNG, JPEG or WebP image' },
    ]);
  });
});
