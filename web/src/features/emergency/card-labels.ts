/**
 * What the printed card says under each QR code, in the card's (the patient's) language: a
 * responder holding two codes must know which one works with no app and no network.
 */
import type { EmergencyLanguage } from '../../../../shared/emergency/profile.ts';

export interface CardLabels {
  /** Under the plain-text code. */
  readonly textCode: string;
  /** Under the link code. */
  readonly linkCode: string;
}

export const CARD_LABELS: { readonly [L in EmergencyLanguage]: CardLabels } = {
  en: { textCode: 'Any phone camera, no internet', linkCode: 'Opens the Carnet page' },
  fr: { textCode: 'Tout appareil photo, sans internet', linkCode: 'Ouvre la page Carnet' },
};
