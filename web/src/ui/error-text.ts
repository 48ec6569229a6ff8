/**
 * The user-facing sentence for an error, in the current language: the one place a server failure
 * becomes text. The sharing screens explain share and practitioner endpoints in their own words.
 */

import { isShareError, shareReason } from '../server/reasons.ts';
import { toUserError } from '../server/server-app-error.ts';
import { isServerError } from '../server/server-error.ts';
import type { I18n } from '../strings/create-i18n.ts';

export function errorText(t: I18n['t'], error: unknown): string {
  if (isServerError(error) && isShareError(error)) {
    const { limit, retryAfter } = error.meta;
    return t(`shares.errors.${shareReason(error)}`, {
      limit: String(limit ?? ''),
      minutes: String(Math.max(1, Math.ceil((retryAfter ?? 60) / 60))),
    });
  }
  const appError = toUserError(error);
  return t(`errors.${appError.reason}`, appError.meta) ?? appError.message;
}
