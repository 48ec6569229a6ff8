/**
 * What a new passphrase must satisfy, as pure functions of the text and its estimated strength
 * (a zxcvbn score, 0–4). The estimate itself is loaded lazily elsewhere (`passphrase-strength.ts`);
 * when it cannot load, only a longer minimum length protects the vault, so that is what we ask.
 */
export const MIN_PASSPHRASE_LENGTH = 10;
/** zxcvbn's "safely unguessable" band: about 10^10 guesses, years at Argon2id speed. */
export const MIN_PASSPHRASE_SCORE = 3;
/** Used only when the strength estimator could not be loaded. */
export const FALLBACK_MIN_LENGTH = 16;

export type PassphraseProblem = 'too-short' | 'too-weak' | 'same-as-current';
export type ConfirmationProblem = 'mismatch';

export interface NewPassphraseErrors {
  passphrase?: PassphraseProblem;
  confirmation?: ConfirmationProblem;
}

/** Length as a person counts it: code points of the NFC form (what the key derivation sees). */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

/** `score` is null when no estimate is available. */
export function passphraseProblem(passphrase: string, score: number | null): PassphraseProblem | null {
  const length = passphraseLength(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (score === null) return length < FALLBACK_MIN_LENGTH ? 'too-weak' : null;
  return score < MIN_PASSPHRASE_SCORE ? 'too-weak' : null;
}

export interface NewPassphraseInput {
  passphrase: string;
  confirmation: string;
  score: number | null;
  /** When changing the passphrase: the current one, which the new one must differ from. */
  current?: string;
}

export function validateNewPassphrase(input: NewPassphraseInput): NewPassphraseErrors {
  const errors: NewPassphraseErrors = {};
  const problem =
    input.current !== undefined &&
    input.current.normalize('NFC') === input.passphrase.normalize('NFC') &&
    input.passphrase !== ''
      ? 'same-as-current'
      : passphraseProblem(input.passphrase, input.score);
  if (problem) errors.passphrase = problem;
  if (input.confirmation.normalize('NFC') !== input.passphrase.normalize('NFC')) {
    errors.confirmation = 'mismatch';
  }
  return errors;
}

export function hasErrors(errors: NewPassphraseErrors): boolean {
  return errors.passphrase !== undefined || errors.confirmation !== undefined;
}
