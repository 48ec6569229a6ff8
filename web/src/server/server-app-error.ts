/** A server failure as the AppError the app's screens explain (`errors.*`); anything else as usual. */

import { AppError, toAppError } from '../core/app-error.ts';
import { appReason } from './reasons.ts';
import { isServerError } from './server-error.ts';

export function toUserError(error: unknown): AppError {
  if (!isServerError(error)) return toAppError(error);
  const reason = appReason(error);
  return new AppError(reason, error.message, reason === 'sync-failed' ? { reason: error.reason } : {});
}
