import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { PassphraseInput } from '../../ui/passphrase-input.tsx';
import {
  MIN_PASSPHRASE_LENGTH,
  type NewPassphraseErrors,
  type PassphraseProblem,
} from './passphrase-rules.ts';
import { PassphraseStrengthMeter } from './passphrase-strength-meter.tsx';

export interface NewPassphraseFieldsProps {
  idPrefix: string;
  /** "Passphrase" when creating, "New passphrase" when changing or recovering. */
  label: string;
  passphrase: string;
  onPassphrase: (value: string) => void;
  confirmation: string;
  onConfirmation: (value: string) => void;
  errors: NewPassphraseErrors;
}

/** A new passphrase and its confirmation, with the strength meter and the rules' messages. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useI18n();
  const id = (suffix: string) => `${props.idPrefix}-${suffix}`;

  const problemText = (problem: PassphraseProblem) => {
    switch (problem) {
      case 'too-short':
        return t('vault.rules.tooShort', { min: MIN_PASSPHRASE_LENGTH });
      case 'too-weak':
        return t('vault.rules.tooWeak');
      case 'same-as-current':
        return t('vault.rules.sameAsCurrent');
    }
  };

  const passphraseDescription = () =>
    [props.errors.passphrase ? id('error') : '', id('hint'), id('strength-label')].filter(Boolean).join(' ');

  return (
    <>
      <div class="field">
        <PassphraseInput
          id={id('passphrase')}
          label={props.label}
          value={props.passphrase}
          onInput={(value) => props.onPassphrase(value)}
          autocomplete="new-password"
          invalid={props.errors.passphrase !== undefined}
          describedBy={passphraseDescription()}
        />
        <Show when={props.errors.passphrase}>
          {(problem) => (
            <p class="field__error" id={id('error')}>
              {problemText(problem())}
            </p>
          )}
        </Show>
        <p class="field__hint" id={id('hint')}>
          {t('vault.rules.hint', { min: MIN_PASSPHRASE_LENGTH })}
        </p>
        <PassphraseStrengthMeter id={id('strength')} passphrase={props.passphrase} />
      </div>
      <div class="field">
        <PassphraseInput
          id={id('confirmation')}
          label={t('vault.passphrase.confirmLabel')}
          value={props.confirmation}
          onInput={(value) => props.onConfirmation(value)}
          autocomplete="new-password"
          invalid={props.errors.confirmation !== undefined}
          describedBy={props.errors.confirmation ? id('confirmation-error') : undefined}
        />
        <Show when={props.errors.confirmation}>
          <p class="field__error" id={id('confirmation-error')}>
            {t('vault.rules.mismatch')}
          </p>
        </Show>
      </div>
    </>
  );
}
