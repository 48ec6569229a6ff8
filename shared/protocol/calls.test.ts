import { describe, expect, it } from 'vitest';
import { callTokenRequestSchema, parseRoomCode, ROOM_CODE_PATTERN, roomPeerId } from './calls.ts';

describe('room codes', () => {
  it('normalizes what a person types or a link carries', () => {
    expect(parseRoomCode('abcd-efgh-jk')).toBe('ABCDEFGHJK');
    expect(parseRoomCode(' 0123 4567 89 ')).toBe('0123456789');
    // Crockford aliases: O is 0, I and L are 1.
    expect(parseRoomCode('OILoil0000')).toBe('0110110000');
  });

  it('refuses anything that is not 10 Crockford characters', () => {
    for (const bad of ['', 'ABCDEFGHJ', 'ABCDEFGHJKM', 'ABCDEFGHJU', 'ABCD#EFGHJ']) {
      expect(parseRoomCode(bad)).toBeUndefined();
    }
  });

  it('maps a code to a PeerJS-safe peer id', () => {
    expect(roomPeerId('ABCDEFGHJK')).toBe('roomabcdefghjk');
    expect(ROOM_CODE_PATTERN.test('ABCDEFGHJK')).toBe(true);
  });

  it('accepts only the two purposes', () => {
    expect(callTokenRequestSchema.safeParse({ purpose: 'room' }).success).toBe(true);
    expect(callTokenRequestSchema.safeParse({ purpose: 'guest' }).success).toBe(true);
    expect(callTokenRequestSchema.safeParse({ purpose: 'admin' }).success).toBe(false);
  });
});
