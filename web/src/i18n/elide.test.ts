import { describe, expect, it } from 'vitest';
import { elidesBefore, elideTemplate } from './elide.ts';

describe('French elision before a name', () => {
  it('elides before a vowel, an accented vowel or a mute h, not before a consonant or a y', () => {
    for (const name of ['Alice', 'Émile', 'Inès', 'Hugo', 'Œdipe', 'ursula'])
      expect(elidesBefore(name)).toBe(true);
    for (const name of ['Bruno', 'Camille', 'Yann', '']) expect(elidesBefore(name)).toBe(false);
  });

  it('rewrites "de {{ name }}" only when the value calls for it, whatever the other words', () => {
    const template = 'Tout le dossier de {{ name }}, du plus récent au plus ancien.';
    expect(elideTemplate(template, { name: 'Alice' })).toBe(
      'Tout le dossier d’{{ name }}, du plus récent au plus ancien.',
    );
    expect(elideTemplate(template, { name: 'Bruno' })).toBe(template);
    expect(elideTemplate('De {{ who }} à {{ to }}', { who: 'Anne', to: 'Eve' })).toBe(
      'D’{{ who }} à {{ to }}',
    );
    // Not a preposition before a placeholder: untouched ("code de 6", "monde {{ x }}").
    expect(elideTemplate('le monde {{ x }}', { x: 'abc' })).toBe('le monde {{ x }}');
    expect(elideTemplate('de {{ n }} ans', { n: 8 })).toBe('de {{ n }} ans');
  });
});
