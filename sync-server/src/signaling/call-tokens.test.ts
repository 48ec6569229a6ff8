import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { CALL_TOKEN_TTL_MS } from '../../../shared/protocol/calls.ts';
import { createCallTokens } from './call-tokens.ts';

const SESSION = 'A'.repeat(43);

describe('call tokens', () => {
  let key: Uint8Array;
  beforeAll(async () => {
    await initCrypto();
    key = sodium().randombytes_buf(32);
  });

  it('verifies a token for its own peer id until it expires, minutes after it was issued', () => {
    let now = 1_000_000;
    const tokens = createCallTokens(key, () => now);
    const issued = tokens.issue('account-1', 'guest', SESSION);
    expect(issued.expiresAt).toBe(now + CALL_TOKEN_TTL_MS);
    expect(CALL_TOKEN_TTL_MS).toBeLessThanOrEqual(5 * 60_000);
    expect(tokens.verify(issued.peerId, issued.token)).toMatchObject({
      accountId: 'account-1',
      sessionHash: SESSION,
    });
    now += CALL_TOKEN_TTL_MS - 1;
    expect(tokens.verify(issued.peerId, issued.token)?.accountId).toBe('account-1');
    now += 1;
    expect(tokens.verify(issued.peerId, issued.token)).toBeNull();
  });

  it('carries the issuing session sealed: the URL never shows the hash sessions are stored by', () => {
    const tokens = createCallTokens(key, () => 0);
    const issued = tokens.issue('account-1', 'guest', SESSION);
    expect(issued.token).not.toContain(SESSION);
    expect(issued.token.length).toBeLessThanOrEqual(256);
  });

  it('is good for one use', () => {
    const tokens = createCallTokens(key, () => 0);
    const issued = tokens.issue('account-1', 'guest', SESSION);
    const verified = tokens.verify(issued.peerId, issued.token);
    if (!verified) throw new Error('must verify');
    expect(tokens.consume(verified)).toBe(true);
    expect(tokens.consume(verified)).toBe(false);
    const again = tokens.issue('account-1', 'guest', SESSION);
    const other = tokens.verify(again.peerId, again.token);
    expect(other && tokens.consume(other)).toBe(true);
  });

  it('binds the token to the peer id, the account, the expiry, the session and the key', () => {
    const tokens = createCallTokens(key, () => 0);
    const a = tokens.issue('account-1', 'guest', SESSION);
    const b = tokens.issue('account-1', 'guest', SESSION);
    expect(a.peerId).not.toBe(b.peerId);
    expect(tokens.verify(b.peerId, a.token)).toBeNull();
    const [expiry, , session = '', mac] = a.token.split('.');
    const otherSession = tokens.issue('account-1', 'guest', `${'A'.repeat(42)}E`).token.split('.')[2];
    expect(tokens.verify(a.peerId, `${expiry}.account-2.${session}.${mac}`)).toBeNull();
    expect(tokens.verify(a.peerId, `${Number(expiry) + 1}.account-1.${session}.${mac}`)).toBeNull();
    expect(tokens.verify(a.peerId, `${expiry}.account-1.${otherSession}.${mac}`)).toBeNull();
    expect(createCallTokens(sodium().randombytes_buf(32), () => 0).verify(a.peerId, a.token)).toBeNull();
    for (const junk of ['', 'a.b.c', `${expiry}.account-1`, `${expiry}.acc.ount.${session}.${mac}`]) {
      expect(tokens.verify(a.peerId, junk)).toBeNull();
    }
  });

  it('gives each account one stable room, different from every other account', () => {
    const tokens = createCallTokens(key, () => 0);
    const first = tokens.issue('account-1', 'room', SESSION);
    expect(tokens.issue('account-1', 'room', SESSION).peerId).toBe(first.peerId);
    expect(tokens.issue('account-2', 'room', SESSION).peerId).not.toBe(first.peerId);
    expect(
      createCallTokens(sodium().randombytes_buf(32), () => 0).issue('account-1', 'room', SESSION).peerId,
    ).not.toBe(first.peerId);
  });

  it('gives a guest id again to the account it was issued to, and to no other', () => {
    const tokens = createCallTokens(key, () => 0);
    const guest = tokens.issue('account-1', 'guest', SESSION);
    expect(guest.peerId).toMatch(/^guest[0-9a-f]{32}$/);
    expect(tokens.reissueGuest('account-1', SESSION, guest.peerId)?.peerId).toBe(guest.peerId);
    expect(tokens.reissueGuest('account-2', SESSION, guest.peerId)).toBeNull();
    expect(tokens.reissueGuest('account-1', SESSION, `guest${'0'.repeat(32)}`)).toBeNull();
  });
});
