import { describe, expect, it } from 'vitest';
import { addMonths, ageInMonths } from './age.ts';
import { SCHEDULE_SOURCE, vaccinationSuggestions } from './vaccination-schedule-fr.ts';

const ids = (dob: string, today: string, given: { vaccine: string; date: string }[] = []) =>
  vaccinationSuggestions(dob, today, given).map((m) => m.id);

describe('age', () => {
  it('counts whole months, the 31st completing on a short month’s last day', () => {
    expect(ageInMonths('2026-01-15', '2026-03-14')).toBe(1);
    expect(ageInMonths('2026-01-15', '2026-03-15')).toBe(2);
    expect(ageInMonths('2025-12-31', '2026-02-28')).toBe(2);
    expect(ageInMonths('1961-05-01', '2026-06-01')).toBe(781);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
  });
});

describe('French vaccination schedule 2025 suggestions', () => {
  it('names its source and year', () => {
    expect(SCHEDULE_SOURCE.year).toBe(2025);
    expect(SCHEDULE_SOURCE.title).toContain('Calendrier des vaccinations');
  });

  it.each([
    // The schedule's infant visits: 2, 3, 4, 5, 6, 11, 12 and 16–18 months.
    [
      '2 months: hexavalent, pneumococcal, rotavirus',
      '2026-01-15',
      '2026-03-15',
      ['hexavalent-1', 'pneumococcal-1', 'rotavirus'],
    ],
    [
      '3 months adds meningococcal B',
      '2026-01-15',
      '2026-04-20',
      ['hexavalent-1', 'pneumococcal-1', 'rotavirus', 'meningococcal-b-1'],
    ],
    [
      '11 months, nothing recorded: the 5- and 6-month doses still open, then the third hexavalent and pneumococcal',
      '2025-01-10',
      '2025-12-10',
      ['meningococcal-b-2', 'meningococcal-acwy-1', 'hexavalent-3', 'pneumococcal-3'],
    ],
    [
      '12 months: MMR, meningococcal B and ACWY',
      '2025-01-10',
      '2026-01-10',
      ['hexavalent-3', 'pneumococcal-3', 'mmr-1', 'meningococcal-b-3', 'meningococcal-acwy-2'],
    ],
    ['6 years: dTcaPolio booster', '2020-05-02', '2026-06-01', ['dtcap-6y']],
    [
      '12 years: dTcaPolio, HPV, meningococcal ACWY',
      '2014-02-01',
      '2026-03-01',
      ['dtcap-11y', 'hpv', 'meningococcal-acwy-teen'],
    ],
    ['25 years: dTcaPolio booster', '2001-01-01', '2026-03-01', ['dtcap-25y']],
    ['45 years: dTPolio booster', '1981-01-01', '2026-03-01', ['dtp-45y']],
    [
      '65 years: dTPolio, flu, COVID-19, shingles, pneumococcal',
      '1961-01-01',
      '2026-03-01',
      ['dtp-65y', 'influenza', 'covid-19', 'shingles', 'pneumococcal-65y'],
    ],
    [
      '75 years adds RSV and the 75 booster',
      '1951-01-01',
      '2026-03-01',
      ['influenza', 'covid-19', 'shingles', 'pneumococcal-65y', 'rsv-75y', 'dtp-75y'],
    ],
    ['40 years: nothing general', '1986-01-01', '2026-03-01', []],
  ])('%s', (_name, dob, today, expected) => {
    expect(ids(dob, today)).toEqual(expected);
  });

  it('leaves out a milestone given on or after its age, whatever the brand or accents', () => {
    expect(ids('2001-01-01', '2026-03-01', [{ vaccine: 'Boostrixtetra', date: '2026-01-05' }])).toEqual([]);
    // Given before the 25th birthday: the booster is still to discuss.
    expect(ids('2001-01-01', '2026-03-01', [{ vaccine: 'dTcaPolio', date: '2020-01-05' }])).toEqual([
      'dtcap-25y',
    ]);
    expect(
      ids('1961-01-01', '2026-03-01', [
        { vaccine: 'Vaccin zona (Shingrix)', date: '2026-02-01' },
        { vaccine: 'Grippe saisonnière', date: '2025-10-20' },
      ]),
    ).toEqual(['dtp-65y', 'covid-19', 'pneumococcal-65y']);
  });

  it('suggests a yearly vaccination again a year after the last one', () => {
    const flu = [{ vaccine: 'Vaxigrip Tetra', date: '2025-10-20' }];
    expect(ids('1950-06-01', '2026-03-01', flu)).not.toContain('influenza');
    expect(ids('1950-06-01', '2026-10-21', flu)).toContain('influenza');
  });
});
