/** A server failure as the AppError the app's screens explain (`errors.*`); anything else as usual. */
import { appReason } from '../server/reasons.ts';
import { isServerError } from '../server/server-error.ts';
import { AppError, toAppError } from './app-error.ts';

export function toUserError(error: unknown): AppError {
  if (!isServerError(error)) return toAppError(error);
  const reason = appReason(error);
  return new AppError(reason, error.message, reason === 'sync-failed' ? { reason: error.reason } : {});
}
