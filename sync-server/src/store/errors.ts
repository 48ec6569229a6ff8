import { MAX_PROFILES } from '../../../shared/schema/profile.ts';

/** A push would leave the account with more than MAX_PROFILES live profiles: refused whole. */
export class ProfileLimitError extends Error {
  override readonly name = 'ProfileLimitError';

  constructor(readonly wouldHave: number) {
    super(`An account can hold at most ${MAX_PROFILES} profiles; this push would make ${wouldHave}`);
  }
}

/** A push would grow the account past its storage quota: refused whole. */
export class QuotaExceededError extends Error {
  override readonly name = 'QuotaExceededError';

  constructor(
    /** Bytes stored before the push. */
    readonly usage: number,
    /** Bytes stored had the push been applied. */
    readonly wouldUse: number,
    readonly limit: number,
  ) {
    super(`This push would store ${wouldUse} bytes; the account's quota is ${limit}`);
  }
}

/** The account was deleted while a request of one of its sessions was under way. */
export class AccountGoneError extends Error {
  override readonly name = 'AccountGoneError';

  constructor() {
    super('This account no longer exists');
  }
}
