import { createSignal } from 'solid-js';
import { toAppError } from '../../core/app-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { KdfProgressBar } from '../../ui/kdf-progress-bar.tsx';
import { PassphraseInput } from '../../ui/passphrase-input.tsx';
import { NewPassphraseFields } from './new-passphrase-fields.tsx';
import { createNewPassphrase } from './new-passphrase-state.ts';
import './vault.css';

/**
 * Changes the passphrase of the unlocked vault. The current one is asked again: an unlocked device
 * left unattended must not be enough. Only the vault key is re-wrapped; the recovery key stays.
 * The form is a named landmark ("Change passphrase"); the host page gives it its section heading.
 */
export function ChangePassphraseForm() {
  const app = useApp();
  const { t, locale } = useI18n();
  const [current, setCurrent] = createSignal('');
  const fresh = createNewPassphrase(locale);
  const [currentError, setCurrentError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal(false);
  const { busy, submit } = createSubmit({
    blocked: fresh.checking,
    clear: () => {
      setFormError(null);
      setCurrentError(null);
      setDone(false);
    },
    validate: async () => {
      const acceptable = await fresh.check(current());
      if (current() === '') setCurrentError(t('vault.change.currentEmpty'));
      return currentError() === null && acceptable;
    },
    run: async () => {
      await app.changePassphrase(current(), fresh.passphrase());
      setCurrent('');
      fresh.clear();
      setDone(true);
    },
    fail: (caught, { focusInvalid }) => {
      const error = toAppError(caught);
      if (error.reason === 'wrong-passphrase') {
        setCurrentError(errorText(t, error));
        focusInvalid();
      } else {
        setFormError(errorText(t, error));
      }
    },
  });

  return (
    <form class="stack" aria-label={t('vault.change.title')} onSubmit={submit} novalidate>
      <FormError text={formError()} />
      <fieldset class="vault-fieldset stack" disabled={busy()}>
        <div class="field">
          <PassphraseInput
            id="change-current"
            label={t('vault.passphrase.currentLabel')}
            value={current()}
            onInput={setCurrent}
            autocomplete="current-password"
            invalid={currentError() !== null}
            describedBy={currentError() ? 'change-current-error' : undefined}
          />
          <FieldError id="change-current-error" text={currentError()} alert />
        </div>
        <NewPassphraseFields
          idPrefix="change"
          label={t('vault.passphrase.newLabel')}
          passphrase={fresh.passphrase()}
          onPassphrase={fresh.setPassphrase}
          confirmation={fresh.confirmation()}
          onConfirmation={fresh.setConfirmation}
          errors={fresh.errors()}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('vault.change.submit')}
          </button>
        </div>
      </fieldset>
      <KdfProgressBar active={busy()} />
      <p role="status" class="vault-status" classList={{ message: done() }}>
        {done() ? t('vault.change.done') : ''}
      </p>
    </form>
  );
}
