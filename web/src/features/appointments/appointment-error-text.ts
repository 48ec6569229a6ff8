import { MessagingProblem } from '../../messaging/messaging.ts';
import { isServerError } from '../../server/server-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

const SERVER_REASONS = [
  'offline',
  'slot-taken',
  'not-a-slot',
  'appointment-limit',
  'conflict',
  'not-found',
] as const;

/** An appointment failure in the user's language; anything else through the app's one error text. */
export function appointmentErrorText(t: I18n['t'], error: unknown): string {
  if (error instanceof MessagingProblem && error.reason === 'sync-off')
    return t('appointments.errors.sync-off');
  if (isServerError(error)) {
    if (error.reason === 'timeout') return t('appointments.errors.offline');
    const reason = SERVER_REASONS.find((r) => r === error.reason);
    if (reason) return t(`appointments.errors.${reason}`);
  }
  return errorText(t, error);
}
