/**
 * What the waiting patient does with an incoming media call. Answering sends the camera and the
 * microphone, so only the room the patient knocked at may call, and only once it has admitted the
 * patient: any other peer (a guest who learned this peer id) is refused, and the room's call is held
 * unanswered until its `admitted` message has arrived.
 */
import { roomPeerId } from '../../../../shared/protocol/calls.ts';

export type IncomingCallDecision = 'refuse' | 'hold' | 'answer';

export function incomingCallDecision(
  caller: string,
  roomCode: string,
  admitted: boolean,
): IncomingCallDecision {
  if (caller !== roomPeerId(roomCode)) return 'refuse';
  return admitted ? 'answer' : 'hold';
}
