/**
 * The labelled lines every text made from an emergency profile is built from ("Allergies: a; b"),
 * in the profile's language. Each output (the plain-text QR, the wallet card, the wallpaper) picks
 * and orders the groups it has room for; the wording of a line is decided here only.
 */
import { ageOn, EMERGENCY_LABELS, type EmergencyLabels } from './labels.ts';
import type { EmergencyProfile } from './profile.ts';

export interface EmergencyLines {
  readonly labels: EmergencyLabels;
  /** Directive, conditions, allergies, medications, devices, pregnancy: most critical first. */
  readonly critical: readonly string[];
  /** "age 42" on `today`, when the date of birth is known. */
  readonly age: string | undefined;
  readonly contacts: readonly string[];
  readonly languages: readonly string[];
  readonly bloodType: readonly string[];
  readonly organDonor: readonly string[];
  readonly note: readonly string[];
  readonly updated: string;
}

export function emergencyLines(profile: EmergencyProfile, today: string): EmergencyLines {
  const l = EMERGENCY_LABELS[profile.language];
  // An empty section has no line at all, not a label with nothing after it.
  const listed = (label: string, values: readonly string[]) =>
    values.length > 0 ? [`${label}: ${values.join('; ')}`] : [];
  const single = (label: string, value: string | undefined) => listed(label, value ? [value] : []);
  return {
    labels: l,
    critical: [
      ...single(l.directive, profile.directive),
      ...listed(l.conditions, profile.conditions),
      ...listed(l.allergies, profile.allergies),
      ...listed(l.medications, profile.medications),
      ...listed(l.devices, profile.devices),
      ...single(l.pregnancy, profile.pregnancy),
    ],
    age: profile.dateOfBirth ? l.age(ageOn(profile.dateOfBirth, today)) : undefined,
    contacts: profile.contacts.map(
      (c) => `${l.contacts}: ${c.name}${c.relationship ? ` (${c.relationship})` : ''} ${c.phone}`,
    ),
    languages: listed(l.languages, profile.languages),
    bloodType: single(l.bloodType, profile.bloodType),
    organDonor:
      profile.organDonor === undefined ? [] : [`${l.organDonor}: ${profile.organDonor ? l.yes : l.no}`],
    note: single(l.note, profile.note),
    updated: `${l.updated}: ${l.date(profile.updatedOn)}`,
  };
}
