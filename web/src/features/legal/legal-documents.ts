/**
 * The three legal documents as data: each names its sections by string key, so a page is rendered by
 * one component and a section added here shows in both languages (strings.ts).
 */
export const LEGAL_DOCUMENTS = {
  terms: ['service', 'holder', 'emergency', 'medical', 'keys', 'use', 'changes', 'law'],
  privacy: ['controller', 'device', 'server', 'hosting', 'purposes', 'retention', 'rights'],
  notice: ['publisher', 'director', 'host', 'software'],
} as const;

export type LegalDocument = keyof typeof LEGAL_DOCUMENTS;

export function isLegalDocument(value: string): value is LegalDocument {
  return Object.hasOwn(LEGAL_DOCUMENTS, value);
}

/** The official French portal for reporting adverse health events, adverse drug reactions included. */
export const ADVERSE_REACTION_URL = 'https://signalement.social-sante.gouv.fr/';

/** Splits a text at its operator placeholders (`[To be completed…]`), so they can be marked. */
export function placeholderParts(text: string): { text: string; placeholder: boolean }[] {
  const parts: { text: string; placeholder: boolean }[] = [];
  for (const piece of text.split(/(\[[^\]]*\])/)) {
    if (piece === '') continue;
    parts.push({ text: piece, placeholder: piece.startsWith('[') && piece.endsWith(']') });
  }
  return parts;
}
