import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROFILE } from '../../../../shared/emergency/testing.ts';
import { cardLines, wrap } from './card-lines.ts';
import { darkRuns, QUIET_ZONE, qrMatrix } from './qr-matrix.ts';

describe('card lines', () => {
  it('puts the date of birth first (as a French reader writes it), the blood type on its own line, then the critical sections', () => {
    const lines = cardLines(EXAMPLE_PROFILE, '2026-11-23');
    expect(lines[0]).toBe('Né(e) le 02/06/1984 (42 ans)');
    expect(lines[1]).toBe('Groupe sanguin: O-');
    expect(lines[2]).toBe('Directives anticipées: DNR: do not resuscitate');
    expect(lines[3]).toMatch(/^Maladies: /);
  });

  it('wraps at spaces and cuts words that are too long', () => {
    const measure = (s: string) => s.length;
    expect(wrap('one two three four', 9, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    for (const line of wrap('Penicillin anaphylaxis supercalifragilistic', 7, measure)) {
      expect(line.length).toBeLessThanOrEqual(7);
    }
  });
});

describe('QR matrix', () => {
  it('uses error correction M and covers every dark module with runs', () => {
    const matrix = qrMatrix('https://carnet.example/e#1.abc');
    expect(matrix.size).toBe(17 + 4 * matrix.version);
    let dark = 0;
    for (let y = 0; y < matrix.size; y++)
      for (let x = 0; x < matrix.size; x++) dark += matrix.isDark(x, y) ? 1 : 0;
    const runs = darkRuns(matrix);
    expect(runs.reduce((sum, [, , length]) => sum + length, 0)).toBe(dark);
    for (const [x, y, length] of runs) {
      for (let i = 0; i < length; i++) expect(matrix.isDark(x - QUIET_ZONE + i, y - QUIET_ZONE)).toBe(true);
    }
  });
});
