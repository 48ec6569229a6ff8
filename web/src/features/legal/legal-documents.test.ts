import { describe, expect, it } from 'vitest';
import { LEGAL_DOCUMENTS, placeholderParts } from './legal-documents.ts';
import { legalEn, legalFr } from './strings.ts';

describe('legal documents', () => {
  it('every section of every document has a title and a text in both languages', () => {
    for (const dictionary of [legalEn, legalFr]) {
      for (const [doc, sections] of Object.entries(LEGAL_DOCUMENTS)) {
        const texts = dictionary[doc as keyof typeof LEGAL_DOCUMENTS] as Record<string, string>;
        for (const section of sections) {
          expect(texts[section], `${doc}.${section}`).toMatch(/\S/);
          expect(texts[`${section}Title`], `${doc}.${section}Title`).toMatch(/\S/);
        }
      }
    }
  });

  it('marks the operator placeholders, the same ones in both languages', () => {
    const marked = (dictionary: typeof legalEn) =>
      Object.entries(LEGAL_DOCUMENTS).flatMap(([doc, sections]) =>
        sections.filter((section) =>
          placeholderParts(
            (dictionary[doc as keyof typeof LEGAL_DOCUMENTS] as Record<string, string>)[section] ?? '',
          ).some((part) => part.placeholder),
        ),
      );
    expect(marked(legalEn)).toEqual([
      'law',
      'controller',
      'hosting',
      'rights',
      'publisher',
      'director',
      'host',
    ]);
    expect(marked(legalFr)).toEqual(marked(legalEn));
    expect(placeholderParts('Law. [To be completed: court.] End')).toEqual([
      { text: 'Law. ', placeholder: false },
      { text: '[To be completed: court.]', placeholder: true },
      { text: ' End', placeholder: false },
    ]);
  });

  it('the notices name the three French emergency numbers in both languages', () => {
    for (const dictionary of [legalEn, legalFr]) {
      for (const text of [dictionary.emergency.text, dictionary.care.text, dictionary.terms.emergency]) {
        expect(text).toMatch(/\b15\b/);
        expect(text).toMatch(/\b112\b/);
        expect(text).toMatch(/\b114\b/);
      }
    }
  });
});
