/** The two QR contents of a profile, each trimmed to the QR v25-M budget on its own. */
import { type FitResult, fitToBudget, utf8Length } from '../../../../shared/emergency/budget.ts';
import { emergencyLink } from '../../../../shared/emergency/payload.ts';
import { emergencyPlainText } from '../../../../shared/emergency/plain-text.ts';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';

export interface FittedCodes {
  readonly link: FitResult & { readonly text: string };
  readonly plain: FitResult & { readonly text: string };
}

export function fittedCodes(profile: EmergencyProfile, origin: string): FittedCodes {
  const toLink = (p: EmergencyProfile) => emergencyLink(origin, p);
  const link = fitToBudget(profile, (p) => utf8Length(toLink(p)));
  const plain = fitToBudget(profile, (p) => utf8Length(emergencyPlainText(p)));
  return {
    link: { ...link, text: toLink(link.profile) },
    plain: { ...plain, text: emergencyPlainText(plain.profile) },
  };
}
