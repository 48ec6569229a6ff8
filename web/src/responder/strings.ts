/** The responder page's own few strings: it does not load the app's i18n. */
import type { EmergencyLanguage } from '../../../shared/emergency/profile.ts';

export interface ResponderStrings {
  readonly heading: string;
  readonly call: string;
  readonly noData: string;
  readonly badVersion: string;
  readonly corrupt: string;
  readonly invalid: string;
  readonly disclaimer: string;
}

export const RESPONDER_STRINGS: { readonly [L in EmergencyLanguage]: ResponderStrings } = {
  en: {
    heading: 'Emergency medical information',
    call: 'Call',
    noData: 'This page shows an emergency profile from a Carnet QR code. This link holds no profile.',
    badVersion: 'This emergency code was made by a newer version of Carnet and cannot be read here.',
    corrupt: 'This emergency code is damaged or incomplete. Scan it again.',
    invalid: 'This emergency code does not hold a valid emergency profile.',
    disclaimer: 'Written by the patient. Not verified by a health professional.',
  },
  fr: {
    heading: 'Informations médicales d’urgence',
    call: 'Appeler',
    noData: 'Cette page affiche le profil d’urgence d’un QR code Carnet. Ce lien ne contient aucun profil.',
    badVersion: 'Ce code d’urgence vient d’une version plus récente de Carnet et ne peut pas être lu ici.',
    corrupt: 'Ce code d’urgence est abîmé ou incomplet. Scannez-le à nouveau.',
    invalid: 'Ce code d’urgence ne contient pas de profil d’urgence valide.',
    disclaimer: 'Rédigé par le patient. Non vérifié par un professionnel de santé.',
  },
};

/** The responder's language from the browser's list: French if it comes before English. */
export function responderLanguage(preferred: readonly string[]): EmergencyLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
