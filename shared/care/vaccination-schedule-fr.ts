/**
 * Suggestions from the French vaccination schedule, as data: "Calendrier des vaccinations et
 * recommandations vaccinales 2025", Ministère du Travail, de la Santé et des Solidarités (published
 * each spring; this table encodes the 2025 edition). Only the general-population milestones by age
 * are here — no risk-group, pregnancy, travel or catch-up rules — and they are shown as suggestions
 * to discuss with a doctor, never as a prescription.
 *
 * A milestone is suggested while the person's age is inside its window and the record holds no
 * vaccination matching it dated on or after the window's start (for a yearly one: within the last
 * `everyMonths`). Matching is by words in the vaccine's name, so "Boostrixtetra" or "dTcaPolio"
 * both count as a diphtheria–tetanus–polio booster.
 */
import { addMonths, ageInMonths } from './age.ts';

export const SCHEDULE_SOURCE = {
  title: 'Calendrier des vaccinations et recommandations vaccinales 2025',
  publisher: 'Ministère du Travail, de la Santé et des Solidarités',
  year: 2025,
} as const;

export interface Milestone {
  readonly id: string;
  /** Age window in months, from inclusive to exclusive. */
  readonly fromMonths: number;
  readonly toMonths: number;
  /** Words (lower case, accents removed) of which one in a vaccine name means this was given. */
  readonly matches: readonly string[];
  /** For yearly vaccinations: suggested again when the last matching one is this old. */
  readonly everyMonths?: number;
}

const Y = 12;
const DTP = [
  'dtcap',
  'dtp',
  'dtca',
  'dtpolio',
  'revaxis',
  'boostrix',
  'repevax',
  'tetanos',
  'tetanus',
  'hexa',
  'infanrix',
  'vaxelis',
  'hexyon',
];

/** The 2025 schedule's general milestones, youngest first. */
export const FR_SCHEDULE_2025: readonly Milestone[] = [
  { id: 'hexavalent-1', fromMonths: 2, toMonths: 4, matches: DTP },
  { id: 'pneumococcal-1', fromMonths: 2, toMonths: 4, matches: ['pneumo', 'prevenar', 'vaxneuvance'] },
  { id: 'rotavirus', fromMonths: 2, toMonths: 6, matches: ['rota'] },
  {
    id: 'meningococcal-b-1',
    fromMonths: 3,
    toMonths: 5,
    matches: ['bexsero', 'men b', 'menb', 'meningocoque b'],
  },
  { id: 'hexavalent-2', fromMonths: 4, toMonths: 11, matches: DTP },
  { id: 'pneumococcal-2', fromMonths: 4, toMonths: 11, matches: ['pneumo', 'prevenar', 'vaxneuvance'] },
  {
    id: 'meningococcal-b-2',
    fromMonths: 5,
    toMonths: 12,
    matches: ['bexsero', 'men b', 'menb', 'meningocoque b'],
  },
  {
    id: 'meningococcal-acwy-1',
    fromMonths: 6,
    toMonths: 12,
    matches: ['acwy', 'nimenrix', 'menquadfi', 'menveo'],
  },
  { id: 'hexavalent-3', fromMonths: 11, toMonths: 16, matches: DTP },
  { id: 'pneumococcal-3', fromMonths: 11, toMonths: 16, matches: ['pneumo', 'prevenar', 'vaxneuvance'] },
  {
    id: 'mmr-1',
    fromMonths: 12,
    toMonths: 16,
    matches: ['ror', 'mmr', 'priorix', 'm-m-rvaxpro', 'rougeole'],
  },
  {
    id: 'meningococcal-b-3',
    fromMonths: 12,
    toMonths: 16,
    matches: ['bexsero', 'men b', 'menb', 'meningocoque b'],
  },
  {
    id: 'meningococcal-acwy-2',
    fromMonths: 12,
    toMonths: 16,
    matches: ['acwy', 'nimenrix', 'menquadfi', 'menveo'],
  },
  {
    id: 'mmr-2',
    fromMonths: 16,
    toMonths: 24,
    matches: ['ror', 'mmr', 'priorix', 'm-m-rvaxpro', 'rougeole'],
  },
  { id: 'dtcap-6y', fromMonths: 6 * Y, toMonths: 7 * Y, matches: DTP },
  { id: 'dtcap-11y', fromMonths: 11 * Y, toMonths: 14 * Y, matches: DTP },
  {
    id: 'hpv',
    fromMonths: 11 * Y,
    toMonths: 15 * Y,
    matches: ['hpv', 'papillomavirus', 'gardasil', 'cervarix'],
  },
  {
    id: 'meningococcal-acwy-teen',
    fromMonths: 11 * Y,
    toMonths: 15 * Y,
    matches: ['acwy', 'nimenrix', 'menquadfi', 'menveo'],
  },
  { id: 'dtcap-25y', fromMonths: 25 * Y, toMonths: 26 * Y, matches: DTP },
  { id: 'dtp-45y', fromMonths: 45 * Y, toMonths: 46 * Y, matches: DTP },
  { id: 'dtp-65y', fromMonths: 65 * Y, toMonths: 66 * Y, matches: DTP },
  {
    id: 'influenza',
    fromMonths: 65 * Y,
    toMonths: 130 * Y,
    everyMonths: 12,
    matches: ['grippe', 'influenza', 'flu', 'vaxigrip', 'influvac', 'efluelda'],
  },
  {
    id: 'covid-19',
    fromMonths: 65 * Y,
    toMonths: 130 * Y,
    everyMonths: 12,
    matches: ['covid', 'comirnaty', 'spikevax', 'sars'],
  },
  {
    id: 'shingles',
    fromMonths: 65 * Y,
    toMonths: 130 * Y,
    matches: ['zona', 'zoster', 'shingrix', 'shingles'],
  },
  {
    id: 'pneumococcal-65y',
    fromMonths: 65 * Y,
    toMonths: 130 * Y,
    matches: ['pneumo', 'prevenar', 'capvaxive'],
  },
  {
    id: 'rsv-75y',
    fromMonths: 75 * Y,
    toMonths: 130 * Y,
    matches: ['vrs', 'rsv', 'arexvy', 'abrysvo', 'mresvia'],
  },
  { id: 'dtp-75y', fromMonths: 75 * Y, toMonths: 76 * Y, matches: DTP },
  { id: 'dtp-85y', fromMonths: 85 * Y, toMonths: 86 * Y, matches: DTP },
];

function words(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Milestones to discuss, given the date of birth, today (`YYYY-MM-DD`, where the person is) and the
 * vaccinations in the record (name and date).
 */
export function vaccinationSuggestions(
  dateOfBirth: string,
  today: string,
  given: readonly { vaccine: string; date: string }[],
  schedule: readonly Milestone[] = FR_SCHEDULE_2025,
): Milestone[] {
  const age = ageInMonths(dateOfBirth, today);
  return schedule.filter((m) => {
    if (age < m.fromMonths || age >= m.toMonths) return false;
    const since =
      m.everyMonths === undefined ? addMonths(dateOfBirth, m.fromMonths) : addMonths(today, -m.everyMonths);
    return !given.some((v) => v.date >= since && m.matches.some((w) => words(v.vaccine).includes(w)));
  });
}
