/** The few short lines a wallet card or a wallpaper has room for, most critical first. */
import { emergencyLines } from '../../../../shared/emergency/lines.ts';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';

/**
 * Date of birth, then the blood type on a line of its own (short, and what a transfusion needs
 * first, so it is never the line cut off at the bottom of a full card), then the critical items.
 */
export function cardLines(profile: EmergencyProfile, today: string): string[] {
  const lines = emergencyLines(profile, today);
  const l = lines.labels;
  const born = profile.dateOfBirth ? [`${l.born} ${l.date(profile.dateOfBirth)} (${lines.age})`] : [];
  return [...born, ...lines.bloodType, ...lines.critical];
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
