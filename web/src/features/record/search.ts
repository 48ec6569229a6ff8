/**
 * Search in the decrypted records of the active profile, in memory (nothing is indexed on disk).
 * Case, accents and ligatures do not matter: "penicilline" finds "Pénicilline", "oedeme" finds
 * "Œdème". Every word of the query must appear somewhere in the entry.
 */

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function normalizeText(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

// Machine values that would only produce false hits ("info" in a SNOMED system URL).
const SKIPPED_KEYS = new Set(['system', 'sha256', 'mediaType', 'kind', 'schemaVersion']);

/** Every text and number in a record, depth first, for searching. */
export function recordWords(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(recordWords);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => (SKIPPED_KEYS.has(key) ? [] : recordWords(child)));
  }
  return [];
}

/** True when every word of the query is in the (already normalized) text; an empty query matches all. */
export function matchesQuery(normalizedText: string, query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  return words.every((word) => normalizedText.includes(word));
}
