/**
 * The QR size budget (docs/architecture.md §9): QR version 25 at error correction M holds 997 bytes in byte mode,
 * still scannable from a printed wallet card by an ordinary phone. Both the link and the plain text
 * must fit it. Over budget, items are trimmed lowest priority first: a section is touched only once
 * every section below it is empty, and the protected top items are never trimmed.
 */
import type { EmergencyProfile } from './profile.ts';

export const QR_VERSION = 25;
export const QR_ERROR_CORRECTION = 'M';
export const QR_BUDGET_BYTES = 997;

/** Sections a responder needs first come first. Identity and dates are never trimmed. */
export const SECTION_PRIORITY = [
  'directive',
  'conditions',
  'allergies',
  'medications',
  'devices',
  'pregnancy',
  'contacts',
  'languages',
  'bloodType',
  'organDonor',
  'note',
  'token',
] as const;

export type TrimmableSection = (typeof SECTION_PRIORITY)[number];

/**
 * How many leading items of a list section are never trimmed. The first medication is the one the
 * patient lists as most dangerous to miss (anticoagulant, insulin…): it stays on the code.
 */
export const KEEP: Readonly<Partial<Record<TrimmableSection, number>>> = {
  conditions: 1,
  allergies: 1,
  medications: 1,
};
/** Never trimmed at all: the advance directive decides what a responder may do. */
const PROTECTED: ReadonlySet<TrimmableSection> = new Set(['directive']);

export interface TrimmedItem {
  readonly section: TrimmableSection;
  /** The item as the patient wrote it, for "not on the code: …". */
  readonly text: string;
}

export interface FitResult {
  readonly profile: EmergencyProfile;
  /** Lowest priority first, in the order they were removed. */
  readonly trimmed: readonly TrimmedItem[];
  readonly bytes: number;
  /** False only when even the protected items exceed the budget (the editor asks to shorten them). */
  readonly fits: boolean;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function itemText(section: TrimmableSection, value: unknown): string {
  if (section === 'contacts') {
    const c = value as EmergencyProfile['contacts'][number];
    return `${c.name} ${c.phone}`;
  }
  return String(value);
}

/** Removes one item from the lowest non-empty trimmable section, or returns undefined. */
function trimOne(profile: EmergencyProfile): { profile: EmergencyProfile; item: TrimmedItem } | undefined {
  for (let i = SECTION_PRIORITY.length - 1; i >= 0; i--) {
    const section = SECTION_PRIORITY[i] as TrimmableSection;
    if (PROTECTED.has(section)) continue;
    const value = profile[section];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length <= (KEEP[section] ?? 0)) continue;
      const last = value[value.length - 1];
      return {
        profile: { ...profile, [section]: value.slice(0, -1) },
        item: { section, text: itemText(section, last) },
      };
    }
    const { [section]: removed, ...rest } = profile;
    return { profile: rest as EmergencyProfile, item: { section, text: itemText(section, removed) } };
  }
  return undefined;
}

/**
 * Trims `profile` until `measure(profile)` (bytes of the encoded form) is within `budget`.
 * `measure` is the link or the plain text length, so one rule serves both QR codes.
 */
export function fitToBudget(
  profile: EmergencyProfile,
  measure: (profile: EmergencyProfile) => number,
  budget: number = QR_BUDGET_BYTES,
): FitResult {
  let current = profile;
  let bytes = measure(current);
  const trimmed: TrimmedItem[] = [];
  while (bytes > budget) {
    const next = trimOne(current);
    if (!next) return { profile: current, trimmed, bytes, fits: false };
    current = next.profile;
    trimmed.push(next.item);
    bytes = measure(current);
  }
  return { profile: current, trimmed, bytes, fits: true };
}
