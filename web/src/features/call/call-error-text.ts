/**
 * The sentence for an error of the call screens: PeerJS errors that the user can act on get their
 * own message (open-peer.ts keeps the PeerJS error type in `meta.peerError`); the rest as usual.
 */

import { errorText } from '../../app/error-text.ts';
import { toAppError } from '../../core/app-error.ts';
import type { I18n } from '../../i18n/create-i18n.ts';

export function callErrorText(t: I18n['t'], error: unknown): string {
  // `unavailable-id`: the room's peer id is registered already (the room is open in another tab).
  if (toAppError(error).meta.peerError === 'unavailable-id') return t('call.room.inUse');
  return errorText(t, error);
}
