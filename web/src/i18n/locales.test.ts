import { describe, expect, it } from 'vitest';
import { isLocale, resolveInitialLocale } from './locales.ts';

describe('resolveInitialLocale', () => {
  it('prefers the stored choice', () => {
    expect(resolveInitialLocale('fr', ['en-US'])).toBe('fr');
  });

  it('ignores a stored value it does not know', () => {
    expect(resolveInitialLocale('de', ['fr-CA', 'en'])).toBe('fr');
  });

  it('takes the first supported browser language, by its primary subtag', () => {
    expect(resolveInitialLocale(null, ['de-DE', 'FR-be', 'en'])).toBe('fr');
    expect(resolveInitialLocale(null, ['en-GB', 'fr'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(resolveInitialLocale(null, [])).toBe('en');
    expect(resolveInitialLocale(null, ['ja', 'de'])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only supported locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('fr-FR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
