import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../../../shared/crypto/sodium.ts';
import { CALL_TOKEN_TTL_MS } from '../../../shared/protocol/calls.ts';
import { createCallTokens } from './call-tokens.ts';

describe('call tokens', () => {
  let key: Uint8Array;
  beforeAll(async () => {
    await initCrypto();
    key = sodium().randombytes_buf(32);
  });

  it('verifies a token for its own peer id until it expires', () => {
    let now = 1_000_000;
    const tokens = createCallTokens(key, () => now);
    const issued = tokens.issue('account-1', 'guest');
    expect(issued.expiresAt).toBe(now + CALL_TOKEN_TTL_MS);
    expect(tokens.verify(issued.peerId, issued.token)).toBe('account-1');
    now += CALL_TOKEN_TTL_MS - 1;
    expect(tokens.verify(issued.peerId, issued.token)).toBe('account-1');
    now += 1;
    expect(tokens.verify(issued.peerId, issued.token)).toBeNull();
  });

  it('binds the token to the peer id, the account, the expiry and the key', () => {
    const tokens = createCallTokens(key, () => 0);
    const a = tokens.issue('account-1', 'guest');
    const b = tokens.issue('account-1', 'guest');
    expect(a.peerId).not.toBe(b.peerId);
    expect(tokens.verify(b.peerId, a.token)).toBeNull();
    const [expiry, , mac] = a.token.split('.');
    expect(tokens.verify(a.peerId, `${expiry}.account-2.${mac}`)).toBeNull();
    expect(tokens.verify(a.peerId, `${Number(expiry) + 1}.account-1.${mac}`)).toBeNull();
    expect(createCallTokens(sodium().randombytes_buf(32), () => 0).verify(a.peerId, a.token)).toBeNull();
    for (const junk of ['', 'a.b.c', `${expiry}.account-1`, `${expiry}.acc.ount.${mac}`]) {
      expect(tokens.verify(a.peerId, junk)).toBeNull();
    }
  });

  it('gives each account one stable room, different from every other account', () => {
    const tokens = createCallTokens(key, () => 0);
    const first = tokens.issue('account-1', 'room');
    expect(tokens.issue('account-1', 'room').peerId).toBe(first.peerId);
    expect(tokens.issue('account-2', 'room').peerId).not.toBe(first.peerId);
    expect(
      createCallTokens(sodium().randombytes_buf(32), () => 0).issue('account-1', 'room').peerId,
    ).not.toBe(first.peerId);
  });
});
