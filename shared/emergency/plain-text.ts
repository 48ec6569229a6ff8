/**
 * The printed card's second QR: plain text any phone camera shows with no app and no network.
 * Short labelled lines in the patient's language, most critical first.
 */
import { emergencyLines } from './lines.ts';
import type { EmergencyProfile } from './profile.ts';

export function emergencyPlainText(profile: EmergencyProfile, today: string = profile.updatedOn): string {
  const lines = emergencyLines(profile, today);
  const l = lines.labels;
  const born = profile.dateOfBirth ? ` (${l.born} ${l.date(profile.dateOfBirth)}, ${lines.age})` : '';
  return [
    l.title,
    ...lines.critical,
    `${l.name}: ${profile.name}${born}`,
    ...lines.contacts,
    ...lines.languages,
    ...lines.bloodType,
    ...lines.organDonor,
    ...lines.note,
    lines.updated,
  ].join('\n');
}
