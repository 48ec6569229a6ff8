import { A } from '@solidjs/router';
import { createSignal, onMount } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { KdfProgressBar } from '../../ui/kdf-progress-bar.tsx';
import { PassphraseInput } from '../../ui/passphrase-input.tsx';
import { EmergencyButton } from '../emergency/emergency-button.tsx';
import { askRecoveryCheckAgain } from './recovery-ask.ts';
import './vault.css';

/** `/` while the vault is locked. On success the home page swaps this screen for the dashboard. */
export function UnlockPage() {
  const app = useApp();
  const { t } = useI18n();
  const [passphrase, setPassphrase] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  // Typing the passphrase is the only thing to do here; meanwhile the key derivation gets ready.
  onMount(() => {
    input?.focus();
    app.prepareUnlock();
  });

  function refocus() {
    input?.focus();
    input?.select();
  }

  const { busy, submit } = createSubmit({
    clear: () => setError(null),
    validate: () => {
      if (passphrase() !== '') return true;
      setError(t('vault.unlock.empty'));
      return false;
    },
    run: async () => {
      await app.unlock(passphrase());
      setPassphrase('');
      askRecoveryCheckAgain();
    },
    fail: (caught, { focusInvalid }) => {
      setError(errorText(t, caught));
      focusInvalid();
    },
    focusInvalid: refocus,
    // The dashboard replaces this screen.
    keepBusy: true,
  });

  return (
    <div class="stack vault-page">
      <h1>{t('vault.unlock.title')}</h1>
      <EmergencyButton />
      <form class="card" onSubmit={submit} novalidate>
        <p>{t('vault.unlock.intro')}</p>
        <fieldset class="vault-fieldset stack" disabled={busy()}>
          <div class="field">
            <PassphraseInput
              ref={(element) => {
                input = element;
              }}
              id="unlock-passphrase"
              label={t('vault.passphrase.label')}
              value={passphrase()}
              onInput={setPassphrase}
              autocomplete="current-password"
              invalid={error() !== null}
              describedBy={error() ? 'unlock-error' : undefined}
            />
            <FieldError id="unlock-error" text={error()} alert />
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              {t('vault.unlock.submit')}
            </button>
          </div>
        </fieldset>
        <KdfProgressBar active={busy()} />
        <p>
          <A href="/recover">{t('vault.unlock.forgot')}</A>
        </p>
      </form>
    </div>
  );
}
