/**
 * Sliding-window rate limits for the unauthenticated auth endpoints (docs/architecture.md §7.2): at most `limit`
 * attempts per key in any `windowMs`. Every attempt counts, successful or not, so a correct
 * guess after many wrong ones is no faster.
 *
 * In memory, per instance: behind a load balancer with N instances the effective limit is up to N
 * times higher, which still bounds online guessing of a 256-bit key pair to nothing useful. Memory
 * is bounded: past `maxKeys`, the least recently created keys are dropped.
 */

import { DEFAULT_LOGIN_BACKOFF, LoginBackoff } from './login-backoff.ts';

export type LimitResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Records an attempt for `key` at `now`, unless the key is already over its limit. */
  take(key: string, now: number): LimitResult {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { ok: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
    }
    recent.push(now);
    this.hits.delete(key); // re-insert: Map order is then least recently used first
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.evict(now);
    return { ok: true };
  }

  private evict(now: number): void {
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) this.hits.delete(key);
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }

  get size(): number {
    return this.hits.size;
  }
}

export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Per route, one limit per client address and one per (account, address) pair (the email hash,
 * known or not): never per account alone, or anyone could keep the owner out by spending the
 * account's budget from elsewhere. For login the account rule is not a window: `limit` failures
 * are free, then the delay starts at `windowMs` and doubles with each failure (login-backoff.ts).
 */
export interface AuthRateLimitConfig {
  readonly register: { readonly ip: RateLimitRule };
  readonly prelogin: { readonly ip: RateLimitRule; readonly account: RateLimitRule };
  readonly challenge: { readonly ip: RateLimitRule; readonly account: RateLimitRule };
  readonly login: { readonly ip: RateLimitRule; readonly account: RateLimitRule };
  /** Responder pages reporting an emergency-code opening (no auth); the default when left out. */
  readonly emergencyOpened?: { readonly ip: RateLimitRule };
}

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMITS: AuthRateLimitConfig = {
  register: { ip: { limit: 10, windowMs: 60 * MINUTE } },
  prelogin: { ip: { limit: 30, windowMs: MINUTE }, account: { limit: 10, windowMs: MINUTE } },
  challenge: { ip: { limit: 30, windowMs: MINUTE }, account: { limit: 10, windowMs: MINUTE } },
  login: { ip: { limit: 10, windowMs: MINUTE }, account: { limit: 5, windowMs: MINUTE } },
  emergencyOpened: { ip: { limit: 30, windowMs: MINUTE } },
};

export type AuthRoute = keyof AuthRateLimitConfig;

/**
 * Every limit multiplied by `factor` (RATE_LIMIT_SCALE): for test rigs where many browsers sign in
 * from one loopback address, or a deployment that wants them stricter.
 */
export function scaleRateLimits(config: AuthRateLimitConfig, factor: number): AuthRateLimitConfig {
  const scale = (rule: RateLimitRule): RateLimitRule => ({
    ...rule,
    limit: Math.max(1, Math.round(rule.limit * factor)),
  });
  return {
    register: { ip: scale(config.register.ip) },
    prelogin: { ip: scale(config.prelogin.ip), account: scale(config.prelogin.account) },
    challenge: { ip: scale(config.challenge.ip), account: scale(config.challenge.account) },
    login: { ip: scale(config.login.ip), account: scale(config.login.account) },
    ...(config.emergencyOpened ? { emergencyOpened: { ip: scale(config.emergencyOpened.ip) } } : {}),
  };
}

export class AuthRateLimits {
  private readonly limiters = new Map<string, SlidingWindowLimiter>();

  readonly loginFailures: LoginBackoff;

  constructor(private readonly config: AuthRateLimitConfig = DEFAULT_RATE_LIMITS) {
    const { limit, windowMs } = config.login.account;
    this.loginFailures = new LoginBackoff({
      freeFailures: limit,
      baseDelayMs: windowMs,
      maxDelayMs: Math.max(windowMs, DEFAULT_LOGIN_BACKOFF.maxDelayMs),
    });
  }

  /**
   * Checks the address first, then the (account, address) pair; the first refusal wins and the rest
   * is not counted. Login's account rule is checked here but only failures feed it
   * (`loginFailures.fail`), so a correct sign-in never uses it up.
   */
  take(route: AuthRoute, keys: { ip: string; account?: string }, now: number): LimitResult {
    const rules = (this.config[route] ?? DEFAULT_RATE_LIMITS[route]) as {
      ip: RateLimitRule;
      account?: RateLimitRule;
    };
    const byIp = this.limiter(`${route}:ip`, rules.ip).take(keys.ip, now);
    if (!byIp.ok || !rules.account || keys.account === undefined) return byIp;
    if (route === 'login') return this.loginFailures.check(keys.account, keys.ip, now);
    return this.limiter(`${route}:account`, rules.account).take(`${keys.account}|${keys.ip}`, now);
  }

  private limiter(name: string, rule: RateLimitRule): SlidingWindowLimiter {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(rule.limit, rule.windowMs);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}
