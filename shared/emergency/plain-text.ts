/**
 * The printed card's second QR: plain text any phone camera shows with no app and no network.
 * Short labelled lines in the patient's language, most critical first.
 */
import { ageOn, EMERGENCY_LABELS } from './labels.ts';
import type { EmergencyProfile } from './profile.ts';

export function emergencyPlainText(profile: EmergencyProfile, today: string = profile.updatedOn): string {
  const l = EMERGENCY_LABELS[profile.language];
  const lines = [l.title];
  const add = (label: string, values: readonly string[]) => {
    if (values.length > 0) lines.push(`${label}: ${values.join('; ')}`);
  };
  add(l.directive, profile.directive ? [profile.directive] : []);
  add(l.conditions, profile.conditions);
  add(l.allergies, profile.allergies);
  add(l.medications, profile.medications);
  add(l.devices, profile.devices);
  add(l.pregnancy, profile.pregnancy ? [profile.pregnancy] : []);
  const born = profile.dateOfBirth
    ? ` (${l.born} ${profile.dateOfBirth}, ${l.age(ageOn(profile.dateOfBirth, today))})`
    : '';
  lines.push(`${l.name}: ${profile.name}${born}`);
  for (const c of profile.contacts) {
    lines.push(`${l.contacts}: ${c.name}${c.relationship ? ` (${c.relationship})` : ''} ${c.phone}`);
  }
  add(l.languages, profile.languages);
  add(l.bloodType, profile.bloodType ? [profile.bloodType] : []);
  if (profile.organDonor !== undefined) lines.push(`${l.organDonor}: ${profile.organDonor ? l.yes : l.no}`);
  add(l.note, profile.note ? [profile.note] : []);
  lines.push(`${l.updated}: ${profile.updatedOn}`);
  return lines.join('\n');
}
