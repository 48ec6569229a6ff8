import { describe, expect, it } from 'vitest';
import { EMERGENCY_LABELS, spokenLanguages } from './labels.ts';

describe('spoken languages for the responder', () => {
  it('names the profile’s language in the reader’s language, then the others once each', () => {
    const profile = { language: 'en' as const, languages: ['English', 'French', ' french ', 'Wolof'] };
    expect(spokenLanguages(profile, 'en')).toEqual({ own: 'English', others: ['French', 'Wolof'] });
    // Read in French: "English" is the profile's own language, so it is not listed again as typed,
    // and "French" is named in French, not left in English in a French sentence.
    expect(spokenLanguages(profile, 'fr')).toEqual({ own: 'anglais', others: ['français', 'Wolof'] });
  });

  it('recognises the own language typed in any language Carnet speaks, with or without accents', () => {
    for (const typed of ['français', 'Francais', 'FRANÇAIS', 'French', ' french']) {
      expect(spokenLanguages({ language: 'fr', languages: [typed, 'Breton'] }, 'en')).toEqual({
        own: 'French',
        others: ['Breton'],
      });
    }
  });

  it('lists the own language alone when nothing else is typed, and skips blanks', () => {
    expect(spokenLanguages({ language: 'fr', languages: [] }, 'fr')).toEqual({ own: 'français', others: [] });
    expect(spokenLanguages({ language: 'fr', languages: ['  '] }, 'en')).toEqual({
      own: 'French',
      others: [],
    });
  });
});

describe('dates for the reader', () => {
  it('writes a date of birth the French way in French, as entered in English', () => {
    expect(EMERGENCY_LABELS.fr.date('1985-03-14')).toBe('14/03/1985');
    expect(EMERGENCY_LABELS.en.date('1985-03-14')).toBe('1985-03-14');
  });
});
