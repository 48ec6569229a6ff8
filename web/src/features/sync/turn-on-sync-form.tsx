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
import { credentialErrors } from './credential-errors.ts';
import { EmailField } from './email-field.tsx';

/**
 * "Turn on sync" for the unlocked vault. The passphrase is asked again: the session keeps only the
 * vault key, and the login key is derived from the passphrase (it never leaves the device).
 */
export function TurnOnSyncForm(props: { onTurnedOn: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [passphrase, setPassphrase] = createSignal('');
  const [emailError, setEmailError] = createSignal<string | null>(null);
  const [passphraseError, setPassphraseError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  let submitButton: HTMLButtonElement | undefined;

  const { busy, submit } = createSubmit({
    clear: () => {
      setEmailError(null);
      setPassphraseError(null);
      setFormError(null);
    },
    validate: () => {
      const found = credentialErrors(t, email(), passphrase());
      setEmailError(found.email);
      setPassphraseError(found.passphrase);
      return !found.email && !found.passphrase;
    },
    run: async () => {
      await app.turnOnSync(email().trim(), passphrase());
      setPassphrase('');
      props.onTurnedOn();
    },
    fail: (caught, { focusInvalid }) => {
      const error = toAppError(caught);
      if (error.reason === 'wrong-passphrase') setPassphraseError(errorText(t, error));
      else if (error.reason === 'sync-email-taken') setEmailError(errorText(t, error));
      else setFormError(errorText(t, error));
      if (formError()) submitButton?.focus();
      else focusInvalid();
    },
  });

  const passphraseDescribedBy = () =>
    ['sync-passphrase-hint', passphraseError() ? 'sync-passphrase-error' : ''].filter(Boolean).join(' ');

  return (
    <form class="stack" aria-label={t('sync.settings.submit')} onSubmit={submit} novalidate>
      <p>{t('sync.settings.offIntro')}</p>
      <FormError text={formError()} />
      <fieldset class="sync-fieldset stack" disabled={busy()}>
        <EmailField
          id="sync-email"
          label={t('sync.settings.emailLabel')}
          hint={t('sync.settings.emailHint')}
          value={email()}
          onInput={setEmail}
          error={emailError()}
        />
        <div class="field">
          <PassphraseInput
            id="sync-passphrase"
            label={t('sync.settings.passphraseLabel')}
            value={passphrase()}
            onInput={setPassphrase}
            autocomplete="current-password"
            invalid={passphraseError() !== null}
            describedBy={passphraseDescribedBy()}
          />
          <p class="field__hint" id="sync-passphrase-hint">
            {t('sync.settings.passphraseHint')}
          </p>
          <FieldError id="sync-passphrase-error" text={passphraseError()} alert />
        </div>
        <div class="form-actions">
          <button ref={submitButton} type="submit" class="button">
            {t('sync.settings.submit')}
          </button>
        </div>
      </fieldset>
      <KdfProgressBar active={busy()} />
    </form>
  );
}
