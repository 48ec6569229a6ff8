import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/schema/examples.ts';
import { matchesQuery, normalizeText, recordWords } from './search.ts';

describe('normalizeText', () => {
  it('drops accents and case, spells ligatures out and collapses spaces', () => {
    expect(normalizeText('  Pénicilline   ÉLEVÉE ')).toBe('penicilline elevee');
    expect(normalizeText('Œdème des lèvres')).toBe('oedeme des levres');
    expect(normalizeText('Straße')).toBe('strasse');
    expect(normalizeText('Ça va\u00a0bien')).toBe('ca va bien');
  });
});

describe('matchesQuery', () => {
  const haystack = normalizeText(recordWords(EXAMPLE_RECORDS.allergy).join(' '));

  it('finds an accented word typed without accents, in any case', () => {
    expect(matchesQuery(haystack, 'penicilline')).toBe(true);
    expect(matchesQuery(haystack, 'PÉNICILLINE')).toBe(true);
    expect(matchesQuery(haystack, 'oedeme')).toBe(true);
  });

  it('needs every word, in any order', () => {
    expect(matchesQuery(haystack, 'urticaire penicilline')).toBe(true);
    expect(matchesQuery(haystack, 'penicilline aspirine')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesQuery(haystack, '   ')).toBe(true);
  });
});

describe('recordWords', () => {
  it('collects texts and numbers, not code systems or the kind', () => {
    const words = recordWords(EXAMPLE_RECORDS.allergy);
    expect(words).toContain('Pénicilline');
    expect(words).toContain('Œdème des lèvres');
    expect(words).toContain('91936005');
    expect(words).not.toContain('http://snomed.info/sct');
    expect(recordWords(EXAMPLE_RECORDS.note)).not.toContain('note');
    expect(recordWords(EXAMPLE_RECORDS['lab-result'])).toContain('13.8');
  });
});
