import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, onMount, Switch } from 'solid-js';
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
import './sync.css';

/**
 * `/sign-in`: "Sign in on this device", for a device with no vault yet. The key derivation shows
 * its progress bar; the sign-in and the download that follow have their own status line. A wrong
 * passphrase and an unknown email get the same answer: the server does not tell them apart.
 */
export function SignInPage() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [passphrase, setPassphrase] = createSignal('');
  const [emailError, setEmailError] = createSignal<string | null>(null);
  const [passphraseError, setPassphraseError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  let emailInput: HTMLInputElement | undefined;
  let submitButton: HTMLButtonElement | undefined;

  onMount(() => emailInput?.focus());

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
      await app.signInOnThisDevice(email().trim(), passphrase());
      setPassphrase('');
      navigate('/', { replace: true });
    },
    fail: (caught, { focusInvalid }) => {
      const error = toAppError(caught);
      if (error.reason === 'wrong-passphrase') setPassphraseError(errorText(t, error));
      else setFormError(errorText(t, error));
      if (formError()) submitButton?.focus();
      else focusInvalid();
    },
    // Busy until the page changes: an unlocked vault would otherwise show "already has a vault".
    keepBusy: true,
  });

  // Key derivation runs while kdfProgress is a number; before and after it, the network works.
  const deriving = () => busy() && app.kdfProgress() !== null;
  const working = () => busy() && app.kdfProgress() === null;

  const passphraseDescribedBy = () => (passphraseError() ? 'sign-in-passphrase-error' : undefined);

  return (
    <div class="stack sync-page">
      <h1>{t('sync.signIn.title')}</h1>
      <Switch>
        <Match when={app.status() === 'loading'}>
          <p class="card">{t('app.loading')}</p>
        </Match>
        <Match when={!busy() && (app.status() === 'locked' || app.status() === 'unlocked')}>
          <section class="card stack">
            <p>{t('sync.signIn.alreadyHasVault')}</p>
            <p>
              <A href="/" class="button">
                {t('sync.signIn.home')}
              </A>
            </p>
          </section>
        </Match>
        <Match when={true}>
          <form class="card stack" onSubmit={submit} novalidate>
            <p>{t('sync.signIn.intro')}</p>
            <FormError text={formError()} />
            <fieldset class="sync-fieldset stack" disabled={busy()}>
              <EmailField
                id="sign-in-email"
                label={t('sync.signIn.emailLabel')}
                value={email()}
                onInput={setEmail}
                error={emailError()}
                ref={(element) => {
                  emailInput = element;
                }}
              />
              <div class="field">
                <PassphraseInput
                  id="sign-in-passphrase"
                  label={t('sync.signIn.passphraseLabel')}
                  value={passphrase()}
                  onInput={setPassphrase}
                  autocomplete="current-password"
                  invalid={passphraseError() !== null}
                  describedBy={passphraseDescribedBy()}
                />
                <FieldError id="sign-in-passphrase-error" text={passphraseError()} alert />
              </div>
              <div class="form-actions">
                <button ref={submitButton} type="submit" class="button">
                  {t('sync.signIn.submit')}
                </button>
              </div>
            </fieldset>
            <KdfProgressBar active={deriving()} />
            <p role="status" class="sync-page__working">
              {working() ? t('sync.signIn.working') : ''}
            </p>
            <p>
              <A href="/create">{t('sync.signIn.create')}</A>
            </p>
          </form>
        </Match>
      </Switch>
    </div>
  );
}
