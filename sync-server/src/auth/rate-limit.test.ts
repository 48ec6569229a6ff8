import { describe, expect, it } from 'vitest';
import { AuthRateLimits, DEFAULT_RATE_LIMITS, SlidingWindowLimiter, scaleRateLimits } from './rate-limit.ts';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` attempts per window, then says when the oldest leaves it', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    expect(limiter.take('k', 0).ok).toBe(true);
    expect(limiter.take('k', 100).ok).toBe(true);
    expect(limiter.take('k', 200).ok).toBe(true);
    expect(limiter.take('k', 300)).toEqual({ ok: false, retryAfterMs: 700 });
    expect(limiter.take('other', 300).ok).toBe(true);
    // The window slides: at 1000 the first attempt has left it, the refused one never counted.
    expect(limiter.take('k', 1000).ok).toBe(true);
    expect(limiter.take('k', 1001)).toEqual({ ok: false, retryAfterMs: 99 });
  });

  it('keeps memory bounded', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`k${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});

describe('AuthRateLimits', () => {
  const rule = { limit: 2, windowMs: 1000 };
  const loose = { limit: 100, windowMs: 1000 };
  const limits = () =>
    new AuthRateLimits({
      register: { ip: rule },
      prelogin: { ip: loose, account: rule },
      challenge: { ip: rule, account: loose },
      login: { ip: rule, account: rule },
    });

  it('limits per (account, address): another address is never slowed by this one', () => {
    const l = limits();
    expect(l.take('prelogin', { ip: 'a', account: 'x' }, 0).ok).toBe(true);
    expect(l.take('prelogin', { ip: 'a', account: 'x' }, 0).ok).toBe(true);
    expect(l.take('prelogin', { ip: 'a', account: 'x' }, 0).ok).toBe(false);
    expect(l.take('prelogin', { ip: 'b', account: 'x' }, 0).ok).toBe(true);
    expect(l.take('prelogin', { ip: 'a', account: 'y' }, 0).ok).toBe(true);
  });

  it('limits per address across accounts, and keeps routes apart', () => {
    const l = limits();
    expect(l.take('challenge', { ip: 'a', account: 'x' }, 0).ok).toBe(true);
    expect(l.take('challenge', { ip: 'a', account: 'y' }, 0).ok).toBe(true);
    expect(l.take('challenge', { ip: 'a', account: 'z' }, 0).ok).toBe(false);
    expect(l.take('login', { ip: 'a', account: 'z' }, 0).ok).toBe(true);
  });
});

describe('scaleRateLimits', () => {
  it('multiplies every limit and keeps at least one attempt', () => {
    const loose = scaleRateLimits(DEFAULT_RATE_LIMITS, 100);
    expect(loose.login.ip).toEqual({ limit: 1000, windowMs: 60_000 });
    expect(scaleRateLimits(DEFAULT_RATE_LIMITS, 0.01).login.account.limit).toBe(1);
    expect(loose.emergencyOpened?.ip.limit).toBe(3000);
  });
});
