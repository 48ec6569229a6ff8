import { describe, expect, it } from 'vitest';
import { LoginBackoff } from './login-backoff.ts';

describe('LoginBackoff', () => {
  const rule = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 };

  it('lets the free failures through, then doubles the delay with each failure up to the cap', () => {
    const b = new LoginBackoff(rule);
    let now = 0;
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(b.check('acct', 'ip', now).ok).toBe(true);
      b.fail('acct', 'ip', now);
      const result = b.check('acct', 'ip', now);
      delays.push(result.ok ? 0 : result.retryAfterMs);
      now += delays.at(-1) ?? 0;
    }
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
  });

  it('keeps each (account, address) apart, and a success clears only its own', () => {
    const b = new LoginBackoff(rule);
    for (let i = 0; i < 5; i++) b.fail('acct', 'attacker', 0);
    expect(b.check('acct', 'attacker', 0).ok).toBe(false);
    expect(b.check('acct', 'owner', 0).ok).toBe(true);
    expect(b.check('other', 'attacker', 0).ok).toBe(true);
    b.succeed('acct', 'owner');
    expect(b.check('acct', 'attacker', 0).ok).toBe(false);
  });

  it('forgets old failures and keeps memory bounded', () => {
    const b = new LoginBackoff(rule, 10_000, 100);
    for (let i = 0; i < 3; i++) b.fail('acct', 'ip', 0);
    b.fail('acct', 'ip', 20_000); // a day later (here: 20 s > forgetAfter): counted from one again
    expect(b.check('acct', 'ip', 20_000).ok).toBe(true);
    for (let i = 0; i < 1000; i++) b.fail(`a${i}`, 'ip', 30_000 + i);
    expect(b.size).toBeLessThanOrEqual(100);
  });
});
