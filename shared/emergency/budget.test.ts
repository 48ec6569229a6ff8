import { describe, expect, it } from 'vitest';
import {
  fitToBudget,
  KEEP,
  QR_BUDGET_BYTES,
  SECTION_PRIORITY,
  type TrimmableSection,
  utf8Length,
} from './budget.ts';
import { emergencyLink } from './payload.ts';
import { emergencyPlainText } from './plain-text.ts';
import { type EmergencyProfile, emptyEmergencyProfile } from './profile.ts';
import { EXAMPLE_PROFILE, randomProfile, seededRandom } from './testing.ts';

const ORIGIN = 'https://carnet.example';
const linkBytes = (p: EmergencyProfile) => utf8Length(emergencyLink(ORIGIN, p));
const textBytes = (p: EmergencyProfile) => utf8Length(emergencyPlainText(p));

/** Empty, or down to the items that are never trimmed (the first condition, allergy and medication). */
function atFloor(profile: EmergencyProfile, section: TrimmableSection): boolean {
  const value = profile[section];
  const floor = KEEP[section] ?? 0;
  return value === undefined || (Array.isArray(value) && value.length <= floor);
}

const long = (n: number, i: number) => `${'Item'.padEnd(n - 4, 'x')}${String(i).padStart(3, '0')}`.slice(-n);

describe('fitToBudget', () => {
  it('states the QR v25-M budget', () => {
    expect(QR_BUDGET_BYTES).toBe(997);
  });

  it('leaves a profile within budget untouched', () => {
    const result = fitToBudget(EXAMPLE_PROFILE, textBytes);
    expect(result).toMatchObject({ profile: EXAMPLE_PROFILE, trimmed: [], fits: true });
    expect(result.bytes).toBe(textBytes(EXAMPLE_PROFILE));
  });

  it('trims the lowest-priority items first and reports them in order', () => {
    const big: EmergencyProfile = {
      ...EXAMPLE_PROFILE,
      medications: Array.from({ length: 18 }, (_, i) => `Medication ${long(60, i)}`),
      note: 'n'.repeat(300),
      token: 'AAAAAAAAAAAAAAAAAAAAAA',
    };
    const result = fitToBudget(big, textBytes);
    expect(result.fits).toBe(true);
    expect(result.bytes).toBeLessThanOrEqual(QR_BUDGET_BYTES);
    const sections = result.trimmed.map((t) => t.section);
    expect(sections.slice(0, 6)).toEqual([
      'token',
      'note',
      'organDonor',
      'bloodType',
      'languages',
      'languages',
    ]);
    expect(result.trimmed[1]?.text).toBe('n'.repeat(300));
    // Medications go last item first.
    const meds = result.trimmed.filter((t) => t.section === 'medications').map((t) => t.text);
    expect(meds[0]).toBe(big.medications.at(-1));
    expect(result.profile.directive).toBe(big.directive);
    expect(result.profile.conditions).toEqual(big.conditions);
    expect(result.profile.allergies).toEqual(big.allergies);
  });

  it('never trims the directive, the name, nor the first condition, allergy and medication', () => {
    const huge: EmergencyProfile = {
      ...EXAMPLE_PROFILE,
      conditions: Array.from({ length: 20 }, (_, i) => long(120, i)),
      allergies: Array.from({ length: 20 }, (_, i) => long(120, 100 + i)),
    };
    const result = fitToBudget(huge, textBytes);
    expect(result.fits).toBe(true);
    expect(result.profile.name).toBe(huge.name);
    expect(result.profile.directive).toBe(huge.directive);
    expect(result.profile.conditions[0]).toBe(huge.conditions[0]);
    expect(result.profile.allergies[0]).toBe(huge.allergies[0]);
    expect(result.profile.medications).toEqual([huge.medications[0]]);
  });

  it('the protected set at its longest still fits both codes', () => {
    const random = seededRandom(7);
    // Random letters compress badly: the worst case for the link.
    const text = (n: number) =>
      Array.from(
        { length: n },
        () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(random() * 52)],
      ).join('');
    const worst: EmergencyProfile = {
      ...EXAMPLE_PROFILE,
      name: text(60),
      dateOfBirth: '1950-01-01',
      directive: text(120),
      // Far over budget: everything unprotected has to go.
      conditions: Array.from({ length: 8 }, () => text(120)),
      allergies: Array.from({ length: 8 }, () => text(120)),
      medications: Array.from({ length: 8 }, () => text(120)),
      devices: [text(120)],
      note: text(300),
    };
    expect(KEEP).toEqual({ conditions: 1, allergies: 1, medications: 1 });
    for (const measure of [linkBytes, textBytes]) {
      const result = fitToBudget(worst, measure);
      expect(result.fits).toBe(true);
      expect(result.profile.medications).toEqual([worst.medications[0]]);
      expect(result.profile.conditions[0]).toBe(worst.conditions[0]);
      expect(result.profile.allergies[0]).toBe(worst.allergies[0]);
      // The protected set alone, every item at its longest, is within budget.
      const floor: EmergencyProfile = {
        ...emptyEmergencyProfile(worst.name, worst.language, worst.updatedOn),
        dateOfBirth: '1950-01-01',
        directive: text(120),
        conditions: worst.conditions.slice(0, 1),
        allergies: worst.allergies.slice(0, 1),
        medications: worst.medications.slice(0, 1),
      };
      expect(measure(floor)).toBeLessThanOrEqual(QR_BUDGET_BYTES);
    }
  });

  it('says when even the protected items do not fit', () => {
    const result = fitToBudget(EXAMPLE_PROFILE, textBytes, 60);
    expect(result.fits).toBe(false);
    expect(result.profile.directive).toBe(EXAMPLE_PROFILE.directive);
    expect(result.profile.conditions).toHaveLength(1);
    expect(result.profile.allergies).toHaveLength(1);
    expect(result.profile.medications).toHaveLength(1);
  });

  it('properties on 400 random profiles, for the link and the plain text', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 400; i++) {
      const profile = randomProfile(random);
      for (const measure of [linkBytes, textBytes]) {
        const result = fitToBudget(profile, measure);
        // Within budget whenever it says it fits, and the reported size is the real one.
        expect(result.bytes).toBe(measure(result.profile));
        if (result.fits) expect(result.bytes).toBeLessThanOrEqual(QR_BUDGET_BYTES);
        // Nothing is trimmed from a profile that already fitted.
        if (measure(profile) <= QR_BUDGET_BYTES) expect(result.trimmed).toEqual([]);
        // A section is trimmed only once every lower-priority section is down to its floor.
        const touched = new Set(result.trimmed.map((t) => t.section));
        for (const section of touched) {
          const rank = SECTION_PRIORITY.indexOf(section);
          for (const lower of SECTION_PRIORITY.slice(rank + 1)) {
            expect(atFloor(result.profile, lower)).toBe(true);
          }
        }
        // Trimming only ever removes: what is left is the original's prefix, section by section.
        for (const section of ['conditions', 'allergies', 'medications', 'devices', 'languages'] as const) {
          expect(profile[section].slice(0, result.profile[section].length)).toEqual(result.profile[section]);
        }
        expect(result.profile.name).toBe(profile.name);
        expect(result.profile.directive).toBe(profile.directive);
        expect(result.profile.conditions[0]).toBe(profile.conditions[0]);
        expect(result.profile.allergies[0]).toBe(profile.allergies[0]);
        expect(result.profile.medications[0]).toBe(profile.medications[0]);
        expect(result.trimmed.length).toBe(countItems(profile) - countItems(result.profile));
      }
    }
  });
});

function countItems(p: EmergencyProfile): number {
  let n = 0;
  for (const section of SECTION_PRIORITY) {
    const value = p[section];
    n += value === undefined ? 0 : Array.isArray(value) ? value.length : 1;
  }
  return n;
}

describe('the budget matches a real QR code', () => {
  it('a link and a text trimmed to the budget encode at version 25 or lower, ECC M', async () => {
    const { create } = await import('qrcode');
    const random = seededRandom(9);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const profile = randomProfile(random);
      for (const render of [(p: EmergencyProfile) => emergencyLink(ORIGIN, p), emergencyPlainText]) {
        const result = fitToBudget(profile, (p) => utf8Length(render(p)));
        if (!result.fits) continue;
        const qr = create(render(result.profile), { errorCorrectionLevel: 'M' });
        expect(qr.version).toBeLessThanOrEqual(25);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});
