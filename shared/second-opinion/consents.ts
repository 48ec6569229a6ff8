/**
 * The consents of a second-opinion request (issue 18 item 3): separate, never pre-ticked, each with
 * a versioned text in English and French. A consent is stored as an event signed by the requester's
 * key (time, text version, granted or withdrawn) among the request's sealed items, so the history
 * shows each one with the version the person agreed to. Changing a text means a new version here:
 * the old one stays so older events still show what was agreed.
 */
import type { FormLocale } from './form-definition.ts';

export const CONSENT_KINDS = ['health-data', 'terms', 'gp-exchange'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
/** The two without which no request is sent; exchange with the GP is optional. */
export const REQUIRED_CONSENTS: readonly ConsentKind[] = ['health-data', 'terms'];

export const REQUESTER_ROLES = ['self', 'legal-representative', 'mandated'] as const;
export type RequesterRole = (typeof REQUESTER_ROLES)[number];
/** The roles acting for someone else, who must attach a proof (official document, mandate). */
export function roleNeedsProof(role: RequesterRole): boolean {
  return role !== 'self';
}

type Texts = Readonly<Record<ConsentKind, Readonly<Record<number, Readonly<Record<FormLocale, string>>>>>>;

export const CONSENT_TEXTS: Texts = {
  'health-data': {
    1: {
      en: 'I agree that the health data in this request (forms and documents) is processed to give this second opinion, by the doctor who accepts it only.',
      fr: 'J’accepte que les données de santé de cette demande (formulaires et documents) soient traitées pour donner ce second avis, par le seul médecin qui l’accepte.',
    },
  },
  terms: {
    1: {
      en: 'I accept the terms of the second-opinion service: a remote opinion on documents, not a consultation nor a diagnosis; payment is agreed with the doctor outside Carnet.',
      fr: 'J’accepte les conditions du service de second avis : un avis à distance sur documents, ni une consultation ni un diagnostic ; le paiement se fait avec le médecin en dehors de Carnet.',
    },
  },
  'gp-exchange': {
    1: {
      en: 'I agree that the doctor may exchange about this request with my general practitioner named here.',
      fr: 'J’accepte que le médecin échange au sujet de cette demande avec mon médecin traitant nommé ici.',
    },
  },
};

export function currentConsentVersion(kind: ConsentKind): number {
  return Math.max(...Object.keys(CONSENT_TEXTS[kind]).map(Number));
}

export function consentText(kind: ConsentKind, version: number, locale: FormLocale): string | null {
  return CONSENT_TEXTS[kind][version]?.[locale] ?? null;
}
