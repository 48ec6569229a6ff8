import { createSignal } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';

/**
 * Shown when the server refused this device (`unauthorized`): typically the passphrase was changed
 * on another device, which signs the others out. Signing in again with the account's passphrase
 * restores sync and stores the account's keyring here, so both devices share the new passphrase.
 */
export function SignInAgain() {
  const app = useApp();
  const { t } = useI18n();
  const [passphrase, setPassphrase] = createSignal('');
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal(false);
  const { busy, submit } = createSubmit({
    clear: () => setError(''),
    validate: () => {
      if (passphrase() !== '') return true;
      setError(t('sync.settings.passphraseEmpty'));
      return false;
    },
    run: async () => {
      await app.signInAgain(passphrase());
      setPassphrase('');
      setDone(true);
    },
    fail: (caught) => setError(errorText(t, caught)),
  });

  return (
    <form class="stack sync-sign-in-again" onSubmit={submit} novalidate aria-labelledby="sign-in-again-title">
      <h3 id="sign-in-again-title">{t('sync.settings.signInAgainTitle')}</h3>
      <p>{t('sync.settings.signInAgainIntro')}</p>
      <FormError text={error()} />
      <p role="status">{done() ? t('sync.settings.signedInAgain') : ''}</p>
      <div class="field">
        <label for="sign-in-again-passphrase">{t('sync.settings.passphraseLabel')}</label>
        <input
          id="sign-in-again-passphrase"
          type="password"
          autocomplete="current-password"
          value={passphrase()}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy()}>
          {t('sync.settings.signInAgainSubmit')}
        </button>
      </div>
    </form>
  );
}
