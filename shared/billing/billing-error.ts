/** Why the billing refused its input; the UI maps each reason to a message in the user's language. */
export type BillingErrorReason = 'rate-out-of-range' | 'invalid-segment';

export class BillingError extends Error {
  override readonly name = 'BillingError';

  constructor(
    readonly reason: BillingErrorReason,
    message: string,
  ) {
    super(message);
  }
}
