/**
 * Failed sign-ins, counted per (account, client address), with a delay that doubles past a free
 * allowance. Only failures count: a correct proof clears its own key, and a key is never shared
 * between two addresses, so nobody can keep an account out by failing on purpose from elsewhere —
 * the owner signing in from their own address starts from zero. (Guessing the signature is hopeless
 * anyway: the proof is an Ed25519 signature. What this bounds is work and log noise per address.)
 *
 * In memory, per instance, bounded: keys idle for `forgetAfterMs` are dropped first, then the least
 * recently failed ones past `maxKeys`.
 */
import type { LimitResult } from './rate-limit.ts';

interface Failures {
  count: number;
  /** Refused until then (ms since the epoch); 0 while within the free allowance. */
  lockedUntil: number;
  lastAt: number;
}

export interface LoginBackoffRule {
  /** Failures allowed before the first delay. */
  readonly freeFailures: number;
  /** The first delay; each further failure doubles it, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_LOGIN_BACKOFF: LoginBackoffRule = {
  freeFailures: 5,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
};

export class LoginBackoff {
  private readonly failures = new Map<string, Failures>();

  constructor(
    readonly rule: LoginBackoffRule = DEFAULT_LOGIN_BACKOFF,
    private readonly forgetAfterMs = 24 * 60 * 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  private static key(account: string, ip: string): string {
    return `${account}|${ip}`;
  }

  /** Refused while this address is in its delay for this account. */
  check(account: string, ip: string, now: number): LimitResult {
    const entry = this.failures.get(LoginBackoff.key(account, ip));
    if (!entry || entry.lockedUntil <= now) return { ok: true };
    return { ok: false, retryAfterMs: entry.lockedUntil - now };
  }

  fail(account: string, ip: string, now: number): void {
    const key = LoginBackoff.key(account, ip);
    const previous = this.failures.get(key);
    const entry =
      previous && previous.lastAt > now - this.forgetAfterMs
        ? previous
        : { count: 0, lockedUntil: 0, lastAt: now };
    entry.count += 1;
    entry.lastAt = now;
    const over = entry.count - this.rule.freeFailures;
    if (over >= 0) {
      const delay = Math.min(this.rule.maxDelayMs, this.rule.baseDelayMs * 2 ** Math.min(over, 30));
      entry.lockedUntil = now + delay;
    }
    this.failures.delete(key); // re-insert: Map order is then least recently failed first
    this.failures.set(key, entry);
    if (this.failures.size > this.maxKeys) this.evict(now);
  }

  succeed(account: string, ip: string): void {
    this.failures.delete(LoginBackoff.key(account, ip));
  }

  private evict(now: number): void {
    for (const [key, entry] of this.failures) {
      if (entry.lastAt <= now - this.forgetAfterMs && entry.lockedUntil <= now) this.failures.delete(key);
    }
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }

  get size(): number {
    return this.failures.size;
  }
}
