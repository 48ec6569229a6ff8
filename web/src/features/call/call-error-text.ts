/**
 * The sentence for an error of the call screens: PeerJS errors that the user can act on get their
 * own message (open-peer.ts keeps the PeerJS error type in `meta.peerError`); the rest as usual.
 */

import { toAppError } from '../../core/app-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';
import type { SignalingProblem } from './signaling.ts';

export function callErrorText(t: I18n['t'], error: unknown): string {
  const meta = toAppError(error).meta;
  // `unavailable-id`: the room's peer id is registered already (the room is open in another tab).
  if (meta.peerError === 'unavailable-id') return t('call.room.inUse');
  const problem = meta.signaling;
  if (typeof problem === 'string' && isSignalingProblem(problem)) return t(`call.signaling.${problem}`);
  return errorText(t, error);
}

const PROBLEMS: readonly SignalingProblem[] = [
  'session-ended',
  'rate-limited',
  'too-big',
  'refused',
  'peer-unavailable',
];

function isSignalingProblem(value: string): value is SignalingProblem {
  return (PROBLEMS as readonly string[]).includes(value);
}
