import { describe, expect, it } from 'vitest';
import { checkEmail } from './email-check.ts';

describe('checkEmail', () => {
  it('accepts an ordinary address, with spaces around it', () => {
    expect(checkEmail('a-1@example.org')).toBeNull();
    expect(checkEmail('  Camille.Martin+carnet@mail.example.fr ')).toBeNull();
  });

  it('reports an empty field', () => {
    expect(checkEmail('')).toBe('empty');
    expect(checkEmail('   ')).toBe('empty');
  });

  it.each(['camille', 'camille@', '@example.org', 'camille@example', 'a b@example.org', 'a@@example.org'])(
    'refuses %s',
    (value) => {
      expect(checkEmail(value)).toBe('invalid');
    },
  );

  it('refuses an address longer than 320 characters', () => {
    expect(checkEmail(`${'a'.repeat(310)}@example.org`)).toBe('invalid');
  });
});
