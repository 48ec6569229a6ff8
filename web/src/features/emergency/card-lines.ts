/** The few short lines a wallet card or a wallpaper has room for, most critical first. */
import { ageOn, EMERGENCY_LABELS } from '../../../../shared/emergency/labels.ts';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';

export function cardLines(profile: EmergencyProfile, today: string): string[] {
  const l = EMERGENCY_LABELS[profile.language];
  const lines: string[] = [];
  const add = (label: string, values: readonly string[]) => {
    if (values.length > 0) lines.push(`${label}: ${values.join('; ')}`);
  };
  add(l.directive, profile.directive ? [profile.directive] : []);
  add(l.conditions, profile.conditions);
  add(l.allergies, profile.allergies);
  add(l.medications, profile.medications);
  add(l.devices, profile.devices);
  add(l.pregnancy, profile.pregnancy ? [profile.pregnancy] : []);
  add(l.bloodType, profile.bloodType ? [profile.bloodType] : []);
  if (profile.dateOfBirth) {
    lines.unshift(`${l.born} ${profile.dateOfBirth} (${l.age(ageOn(profile.dateOfBirth, today))})`);
  }
  return lines;
}

/** Cuts a line into pieces of at most `width` units, at spaces when it can. */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') out.push(line);
    line = word;
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') out.push(line);
  return out;
}
