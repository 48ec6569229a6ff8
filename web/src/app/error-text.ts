/** The user-facing sentence for an error, in the current language. */

import { toAppError } from '../core/app-error.ts';
import type { I18n } from '../i18n/create-i18n.ts';

export function errorText(t: I18n['t'], error: unknown): string {
  const appError = toAppError(error);
  return t(`errors.${appError.reason}`, appError.meta) ?? appError.message;
}
