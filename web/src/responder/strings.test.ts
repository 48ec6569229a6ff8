import { describe, expect, it } from 'vitest';
import { RESPONDER_STRINGS, responderLanguage } from './strings.ts';

describe('responder language', () => {
  it('takes the first of the browser languages it knows', () => {
    expect(responderLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(responderLanguage(['de-DE', 'en-GB', 'fr'])).toBe('en');
    expect(responderLanguage(['de', 'FR'])).toBe('fr');
    expect(responderLanguage([])).toBe('en');
  });

  it('has every string in both languages', () => {
    expect(Object.keys(RESPONDER_STRINGS.fr).sort()).toEqual(Object.keys(RESPONDER_STRINGS.en).sort());
    for (const text of [...Object.values(RESPONDER_STRINGS.en), ...Object.values(RESPONDER_STRINGS.fr)]) {
      expect(text.length).toBeGreaterThan(3);
    }
  });
});
