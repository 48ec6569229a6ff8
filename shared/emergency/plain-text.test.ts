import { describe, expect, it } from 'vitest';
import { ageOn } from './labels.ts';
import { emergencyPlainText } from './plain-text.ts';
import { emptyEmergencyProfile } from './profile.ts';
import { EXAMPLE_PROFILE } from './testing.ts';

describe('emergency plain text', () => {
  it('lists the critical items first, in the patient language', () => {
    const text = emergencyPlainText(EXAMPLE_PROFILE).split('\n');
    expect(text[0]).toBe('INFORMATIONS MÉDICALES D’URGENCE');
    expect(text[1]).toBe('Directives anticipées: DNR: do not resuscitate');
    expect(text[2]).toBe('Maladies: Type 1 diabetes; Epilepsy');
    expect(text[3]).toBe('Allergies: Penicillin: anaphylaxis; Latex');
    expect(text).toContain('Nom: Camille Martin (Né(e) le 02/06/1984, 42 ans)');
    expect(text).toContain('Contacts: Alex Martin (partner) +33 6 12 34 56 78');
    expect(text).toContain('Donneur d’organes: oui');
    expect(text.at(-1)).toBe('Mis à jour: 23/11/2026');
  });

  it('leaves out empty sections', () => {
    const text = emergencyPlainText(emptyEmergencyProfile('Sam', 'en', '2026-01-01'));
    expect(text).toBe('EMERGENCY MEDICAL INFORMATION\nName: Sam\nUpdated: 2026-01-01');
  });

  it('computes whole years, birthday not yet reached', () => {
    expect(ageOn('1984-06-02', '2026-06-01')).toBe(41);
    expect(ageOn('1984-06-02', '2026-06-02')).toBe(42);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});
