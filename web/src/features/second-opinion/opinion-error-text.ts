import { OpinionProblem } from '../../opinions/opinions.ts';
import { isServerError } from '../../server/server-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

/** A second-opinion failure in the user's language; anything else through the app's one error text. */
export function opinionErrorText(t: I18n['t'], error: unknown): string {
  if (error instanceof OpinionProblem) return t(`secondOpinion.errors.${error.reason}`);
  if (isServerError(error)) {
    if (error.reason === 'timeout' || error.reason === 'offline') return t('secondOpinion.errors.offline');
    if (error.reason === 'opinion-taken') return t('secondOpinion.errors.opinion-taken');
    if (error.reason === 'opinion-not-open') return t('secondOpinion.errors.opinion-not-open');
    if (error.reason === 'not-found') return t('secondOpinion.errors.not-found');
  }
  return errorText(t, error);
}
