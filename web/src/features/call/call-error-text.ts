/**
 * The sentence for an error of the call screens: PeerJS errors that the user can act on get their
 * own message (open-peer.ts keeps the PeerJS error type in `meta.peerError`); the rest as usual.
 */

import { toAppError } from '../../core/app-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

export function callErrorText(t: I18n['t'], error: unknown): string {
  // `unavailable-id`: the room's peer id is registered already (the room is open in another tab).
  if (toAppError(error).meta.peerError === 'unavailable-id') return t('call.room.inUse');
  return errorText(t, error);
}
