import { describe, expect, it } from 'vitest';
import { roomPeerId } from '../../../../shared/protocol/calls.ts';
import { incomingCallDecision } from './incoming-call.ts';

const ROOM = 'ABCDEFGHJK';

describe('incomingCallDecision', () => {
  it('holds the room’s call until admitted, then answers it', () => {
    expect(incomingCallDecision(roomPeerId(ROOM), ROOM, false)).toBe('hold');
    expect(incomingCallDecision(roomPeerId(ROOM), ROOM, true)).toBe('answer');
  });

  it('refuses any other caller, admitted or not', () => {
    const others = ['guest0123456789abcdef', roomPeerId('ZZZZZZZZZZ'), '', ROOM, `${roomPeerId(ROOM)}x`];
    for (const caller of others) {
      expect(incomingCallDecision(caller, ROOM, false), caller).toBe('refuse');
      expect(incomingCallDecision(caller, ROOM, true), caller).toBe('refuse');
    }
  });
});
