import { MessagingProblem } from '../../messaging/messaging.ts';
import { isServerError, ServerError, type ServerErrorReason } from '../../server/server-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

const SERVER_REASONS = [
  'offline',
  'messaging-not-allowed',
  'blocked',
  'message-rate',
  'pending-quota',
] as const;

/** A messaging failure in the user's language; anything else through the app's one error text. */
export function messageErrorText(t: I18n['t'], error: unknown): string {
  if (error instanceof MessagingProblem) return t(`messages.errors.${error.reason}`);
  if (isServerError(error)) {
    // No answer in time is, for the writer, the same as no connection: the text was not sent.
    if (error.reason === 'timeout') return t('messages.errors.offline');
    const reason = (SERVER_REASONS as readonly string[]).find((r) => r === error.reason);
    if (reason) return t(`messages.errors.${reason as (typeof SERVER_REASONS)[number]}`);
  }
  return errorText(t, error);
}

/** Why the server refused a message of the outbox, from the reason kept with it. */
export function refusalText(t: I18n['t'], reason: string): string {
  return messageErrorText(t, new ServerError(reason as ServerErrorReason));
}
