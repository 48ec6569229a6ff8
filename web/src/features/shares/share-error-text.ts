import { SHARE_SECTIONS, type ShareSection } from '../../../../shared/protocol/shares.ts';
import { ShareProblem } from '../../shares/share-problem.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

/** A sharing problem found on this device in the user's language; anything else (server failures too) through the app's one error text. */
export function shareErrorText(t: I18n['t'], error: unknown): string {
  if (error instanceof ShareProblem) return t(`shares.errors.${error.reason}`);
  return errorText(t, error);
}

/** A section's title, or the raw name for one this version does not know. */
export function sectionTitle(t: I18n['t'], section: string): string {
  return (SHARE_SECTIONS as readonly string[]).includes(section)
    ? t(`record.kindTitles.${section as ShareSection}`)
    : section;
}
