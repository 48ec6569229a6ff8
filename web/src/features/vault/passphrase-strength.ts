/**
 * Passphrase strength from zxcvbn-ts, loaded on demand: the estimator and its dictionaries (several
 * hundred kilobytes) are fetched with dynamic `import()` the first time a passphrase is typed, so
 * they stay out of the initial bundle. Dictionaries are the common ones plus the UI language's.
 *
 * zxcvbn runs with its default translations, which are plain keys (`"wordByItself"`); the UI maps
 * them to its own sentences in both languages (see `strings.ts`), so feedback follows the language.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Locale } from '../../i18n/locales.ts';
import { type NewPassphraseErrors, validateNewPassphrase } from './passphrase-rules.ts';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface StrengthEstimate {
  score: StrengthScore;
  /** Time to guess it at a slow-hash attack rate (zxcvbn's 10^4 guesses a second). */
  crackSeconds: number;
  /** zxcvbn feedback keys (e.g. `"common"`, `"anotherWord"`). */
  warning: string | null;
  suggestions: string[];
}

/** Words that make a passphrase easier to guess here, whatever the dictionaries say. */
const USER_INPUTS = ['carnet', 'vault', 'coffre', 'passphrase'];

// Per page, not per session: the dictionaries hold no user data, are used before any vault is
// unlocked (creating one), and are slow to load.
const factories = new Map<Locale, Promise<ZxcvbnFactory>>();

async function createFactory(locale: Locale): Promise<ZxcvbnFactory> {
  const [core, common, language] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    locale === 'fr' ? import('@zxcvbn-ts/language-fr') : import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...language.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: true,
  });
}

function factoryFor(locale: Locale): Promise<ZxcvbnFactory> {
  let factory = factories.get(locale);
  if (!factory) {
    factory = createFactory(locale);
    // A failed load (offline before the chunk was cached) must not stick: try again next time.
    factory.catch(() => factories.delete(locale));
    factories.set(locale, factory);
  }
  return factory;
}

/** Null when the estimator cannot be loaded; callers then fall back to a length rule. */
export async function estimateStrength(passphrase: string, locale: Locale): Promise<StrengthEstimate | null> {
  let factory: ZxcvbnFactory;
  try {
    factory = await factoryFor(locale);
  } catch {
    return null;
  }
  const result = factory.check(passphrase.normalize('NFC'), USER_INPUTS);
  return {
    score: result.score,
    crackSeconds: result.crackTimes.offlineSlowHashingXPerSecond.seconds,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** Everything wrong with a new passphrase and its confirmation, strength included. */
export async function checkNewPassphrase(input: {
  passphrase: string;
  confirmation: string;
  locale: Locale;
  current?: string;
}): Promise<NewPassphraseErrors> {
  const estimate = input.passphrase === '' ? null : await estimateStrength(input.passphrase, input.locale);
  return validateNewPassphrase({
    passphrase: input.passphrase,
    confirmation: input.confirmation,
    score: estimate?.score ?? null,
    ...(input.current !== undefined ? { current: input.current } : {}),
  });
}
