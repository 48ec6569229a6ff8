import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCrackTime } from './crack-time.ts';
import { FALLBACK_MIN_LENGTH } from './passphrase-rules.ts';
import { estimateStrength, type StrengthEstimate } from './passphrase-strength.ts';
import { vaultEn } from './strings.ts';

const LEVELS = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;
/** zxcvbn takes up to a few hundred ms on a long input: wait for a pause in typing. */
const DEBOUNCE_MS = 150;

type WarningKey = keyof typeof vaultEn.strength.warnings;
type SuggestionKey = keyof typeof vaultEn.strength.suggestions;
const isWarningKey = (key: string): key is WarningKey => key in vaultEn.strength.warnings;
const isSuggestionKey = (key: string): key is SuggestionKey => key in vaultEn.strength.suggestions;

export interface PassphraseStrengthMeterProps {
  /** The meter's id; its level sentence has the id `${id}-label` for aria-describedby. */
  id: string;
  passphrase: string;
}

/** Live strength of a new passphrase: level in words (and a bar), time to guess, and advice. */
export function PassphraseStrengthMeter(props: PassphraseStrengthMeterProps) {
  const { t, locale, formatNumber } = useI18n();
  const [estimate, setEstimate] = createSignal<StrengthEstimate | 'unavailable' | null>(null);
  let run = 0;

  createEffect(() => {
    const passphrase = props.passphrase;
    const language = locale();
    const current = ++run;
    if (passphrase === '') {
      setEstimate(null);
      return;
    }
    const timer = setTimeout(() => {
      void estimateStrength(passphrase, language).then((result) => {
        if (current === run) setEstimate(result ?? 'unavailable');
      });
    }, DEBOUNCE_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const result = () => {
    const value = estimate();
    return value === null || value === 'unavailable' ? null : value;
  };
  const level = () => {
    const value = result();
    return value ? LEVELS[value.score] : undefined;
  };

  const crackTime = () => {
    const value = result();
    if (!value) return '';
    const time = describeCrackTime(value.crackSeconds);
    if (time.kind === 'instant') return t('vault.strength.instant');
    if (time.kind === 'centuries') return t('vault.strength.centuries');
    return formatNumber(time.value, { style: 'unit', unit: time.unit, unitDisplay: 'long' });
  };

  const feedback = () => {
    const value = result();
    if (!value) return [];
    const lines: string[] = [];
    if (value.warning && isWarningKey(value.warning))
      lines.push(t(`vault.strength.warnings.${value.warning}`));
    for (const suggestion of value.suggestions) {
      if (isSuggestionKey(suggestion)) lines.push(t(`vault.strength.suggestions.${suggestion}`));
    }
    return lines;
  };

  const labelText = () => {
    const current = level();
    if (current) return t('vault.strength.label', { level: t(`vault.strength.levels.${current}`) });
    if (estimate() === 'unavailable') return t('vault.strength.unavailable', { min: FALLBACK_MIN_LENGTH });
    return props.passphrase === '' ? '' : t('vault.strength.checking');
  };

  return (
    <div class="strength" id={props.id}>
      <div class="strength__bar" data-score={result()?.score ?? 'none'} aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
        <span />
      </div>
      <p class="strength__label" id={`${props.id}-label`} aria-live="polite">
        {labelText()}
      </p>
      <Show when={level()}>
        {(current) => (
          <div class="strength__details">
            <p>{t('vault.strength.time', { time: crackTime() })}</p>
            <p>{t(`vault.strength.advice.${current()}`)}</p>
            <Show when={feedback().length > 0}>
              <ul class="strength__feedback">
                <For each={feedback()}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
