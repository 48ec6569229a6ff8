import { describe, expect, it } from 'vitest';
import { roomFromHash, roomLink } from './pending-room.ts';

describe('room links', () => {
  it('carry the room code and the announced rate, and read back', () => {
    const link = roomLink('https://carnet.example', 'ABCDEFGH23', 6_000);
    expect(link).toBe('https://carnet.example/consult#ABCDEFGH23?rate=6000');
    expect(roomFromHash(new URL(link).hash)).toEqual({ code: 'ABCDEFGH23', rateCents: 6_000 });
  });

  it('still open without a rate (older links, typed codes)', () => {
    expect(roomFromHash('#abcd-efgh-23')).toEqual({ code: 'ABCDEFGH23', rateCents: null });
  });

  it('ignore a rate outside 30–90 € an hour or not a whole number of cents', () => {
    for (const rate of ['100', '9001', '60.5', '-6000', 'sixty', '']) {
      expect(roomFromHash(`#ABCDEFGH23?rate=${rate}`)).toEqual({ code: 'ABCDEFGH23', rateCents: null });
    }
  });

  it('refuse what is not a room code', () => {
    expect(roomFromHash('#not-a-code?rate=6000')).toBeUndefined();
    expect(roomFromHash('')).toBeUndefined();
  });
});
