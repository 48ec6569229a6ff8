import { createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-context.tsx';

export interface PassphraseInputProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: 'current-password' | 'new-password';
  /** Space-separated ids of the hint, strength and error elements. */
  describedBy?: string | undefined;
  invalid?: boolean;
  ref?: (element: HTMLInputElement) => void;
}

/** A labelled password field with a Show/Hide button, so a long passphrase can be checked by eye. */
export function PassphraseInput(props: PassphraseInputProps) {
  const { t } = useI18n();
  const [visible, setVisible] = createSignal(false);
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <div class="passphrase-input">
        <input
          ref={(element) => props.ref?.(element)}
          id={props.id}
          type={visible() ? 'text' : 'password'}
          autocomplete={props.autocomplete}
          autocapitalize="off"
          spellcheck={false}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-describedby={props.describedBy || undefined}
        />
        <button
          type="button"
          class="button button--secondary passphrase-input__toggle"
          aria-controls={props.id}
          aria-label={visible() ? t('vault.passphrase.hideName') : t('vault.passphrase.showName')}
          onClick={() => setVisible(!visible())}
        >
          {visible() ? t('vault.passphrase.hide') : t('vault.passphrase.show')}
        </button>
      </div>
    </>
  );
}
