/** Deterministic profiles for the emergency tests: a seeded PRNG, no clock, no Math.random. */
import type { EmergencyProfile } from './profile.ts';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'insulin',
  'épilepsie',
  'warfarine',
  'latex',
  'pénicilline',
  'pacemaker',
  'asthme',
  'β-bloquant',
  '糖尿病',
  'anaphylaxis',
];

export function randomProfile(random: () => number): EmergencyProfile {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const phrase = (max: number) => {
    const words = Array.from({ length: 1 + int(8) }, () => WORDS[int(WORDS.length - 1)] ?? 'x');
    return words.join(' ').slice(0, max).trim() || 'x';
  };
  const list = (max: number, len: number) => Array.from({ length: int(max) }, () => phrase(len));
  const maybe = <T>(value: T) => (random() < 0.5 ? value : undefined);
  const profile: EmergencyProfile = {
    language: random() < 0.5 ? 'en' : 'fr',
    name: phrase(60),
    conditions: list(20, 120),
    allergies: list(20, 120),
    medications: list(20, 120),
    devices: list(10, 120),
    contacts: Array.from({ length: int(5) }, (_, i) => ({
      name: phrase(60),
      phone: `+33 6 12 34 56 ${10 + i}`,
      ...(random() < 0.5 ? { relationship: phrase(40) } : {}),
    })),
    languages: list(6, 40),
    updatedOn: '2026-11-23',
  };
  const optional = {
    dateOfBirth: maybe('1980-02-29'),
    directive: maybe(phrase(120)),
    pregnancy: maybe(phrase(120)),
    bloodType: maybe('O-'),
    organDonor: maybe(random() < 0.5),
    note: maybe(phrase(300)),
    token: maybe('AAAAAAAAAAAAAAAAAAAAAA'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (profile as Record<string, unknown>)[key] = value;
  }
  return profile;
}

/** A realistic profile, the one the journeys and examples use. */
export const EXAMPLE_PROFILE: EmergencyProfile = {
  language: 'fr',
  name: 'Camille Martin',
  dateOfBirth: '1984-06-02',
  directive: 'DNR: do not resuscitate',
  conditions: ['Type 1 diabetes', 'Epilepsy'],
  allergies: ['Penicillin: anaphylaxis', 'Latex'],
  medications: ['Insulin glargine 20 U at night', 'Warfarin 5 mg'],
  devices: ['Pacemaker (MRI conditional)'],
  pregnancy: 'Pregnant, 24 weeks',
  contacts: [{ name: 'Alex Martin', relationship: 'partner', phone: '+33 6 12 34 56 78' }],
  languages: ['français', 'English'],
  bloodType: 'O-',
  organDonor: true,
  note: 'Glucagon kit in the left pocket',
  updatedOn: '2026-11-23',
};
