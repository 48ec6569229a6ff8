import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { lastBackupAt } from '../../backup/backup-prefs.ts';
import { AppError } from '../../core/app-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { FormError } from '../../ui/form-error.tsx';
import './closure.css';

type Choice = 'account' | 'device';

/**
 * `/close-account` (docs/architecture.md §7.4): a backup first, then what to delete (the account,
 * or this device's data only), then the passphrase and a ticked acknowledgement before anything
 * irreversible. The store checks the passphrase on this device, asks the server (closing with sync
 * on; refused offline, nothing deleted), then wipes; the home screen then says what went.
 */
export function CloseAccountPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [choice, setChoice] = createSignal<Choice>('account');
  const [passphrase, setPassphrase] = createSignal('');
  const [understood, setUnderstood] = createSignal(false);
  const [passphraseError, setPassphraseError] = createSignal('');
  const [understoodError, setUnderstoodError] = createSignal('');
  const [error, setError] = createSignal('');
  const last = lastBackupAt(localStorage);
  const synced = () => app.syncStatus() !== null;
  const offline = () => app.syncStatus()?.state === 'offline';
  // The acknowledgement names what goes: another choice asks for it again.
  const choose = (next: Choice) => {
    setChoice(next);
    setUnderstood(false);
  };

  const { busy, submit } = createSubmit({
    clear: () => {
      setError('');
      setPassphraseError('');
      setUnderstoodError('');
    },
    validate: () => {
      if (passphrase() === '') setPassphraseError(t('closure.page.passphraseEmpty'));
      if (!understood()) setUnderstoodError(t('closure.page.understandMissing'));
      return passphrase() !== '' && understood();
    },
    run: async () => {
      if (choice() === 'account') await app.closeAccount(passphrase());
      else await app.removeFromThisDevice(passphrase());
    },
    keepBusy: true,
    fail: (caught, failed) => {
      const reason = caught instanceof AppError ? caught.reason : null;
      if (reason === 'wrong-passphrase') {
        setPassphraseError(errorText(t, caught));
        failed.focusInvalid();
        return;
      }
      setError(reason === 'sync-offline' ? t('closure.page.refusedOffline') : errorText(t, caught));
    },
  });

  return (
    <div class="stack closure-page">
      <h1>{t('closure.page.title')}</h1>

      <section class="card stack" aria-labelledby="closure-backup">
        <h2 id="closure-backup">{t('closure.page.backupTitle')}</h2>
        <p>{t('closure.page.backupIntro')}</p>
        <p data-testid="closure-last-backup">
          {last
            ? t('closure.page.lastBackup', {
                date: formatDate(last, { dateStyle: 'long', timeStyle: 'short' }),
              })
            : t('closure.page.noBackup')}
        </p>
        <div class="form-actions">
          <A href="/backup" class="button">
            {t('closure.page.backupLink')}
          </A>
        </div>
      </section>

      <section class="card stack" aria-labelledby="closure-choice">
        <h2 id="closure-choice">{t('closure.page.choiceTitle')}</h2>
        <Show when={synced() && offline()}>
          <p class="message" data-testid="closure-offline">
            {t('closure.page.offline')}
          </p>
        </Show>
        <form class="stack" onSubmit={submit} novalidate>
          <fieldset class="closure-choice">
            <legend>{t('closure.page.choiceLegend')}</legend>
            <div class="closure-option">
              <input
                type="radio"
                id="closure-account"
                name="closure-choice"
                value="account"
                checked={choice() === 'account'}
                aria-describedby="closure-account-hint"
                onChange={() => choose('account')}
              />
              <label for="closure-account">{t('closure.page.account')}</label>
              <p id="closure-account-hint" class="field__hint">
                {synced() ? t('closure.page.accountSynced') : t('closure.page.accountLocal')}
              </p>
            </div>
            <div class="closure-option">
              <input
                type="radio"
                id="closure-device"
                name="closure-choice"
                value="device"
                checked={choice() === 'device'}
                aria-describedby="closure-device-hint"
                onChange={() => choose('device')}
              />
              <label for="closure-device">{t('closure.page.device')}</label>
              <p
                id="closure-device-hint"
                class="field__hint"
                classList={{ 'closure-option__warning': !synced() }}
              >
                {synced() ? t('closure.page.deviceSynced') : t('closure.page.deviceLocal')}
              </p>
            </div>
          </fieldset>

          <h3>{t('closure.page.confirmTitle')}</h3>
          <FormError text={error()} />
          <div class="field">
            <label for="closure-passphrase">{t('closure.page.passphraseLabel')}</label>
            <input
              id="closure-passphrase"
              type="password"
              autocomplete="current-password"
              aria-invalid={passphraseError() !== ''}
              aria-describedby={passphraseError() ? 'closure-passphrase-error' : 'closure-passphrase-hint'}
              value={passphrase()}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
            <p class="field__hint" id="closure-passphrase-hint">
              {t('closure.page.passphraseHint')}
            </p>
            <FieldError id="closure-passphrase-error" text={passphraseError()} alert />
          </div>
          <div class="field closure-understand">
            <div class="closure-understand__check">
              <input
                id="closure-understand"
                type="checkbox"
                aria-invalid={understoodError() !== ''}
                aria-describedby={understoodError() ? 'closure-understand-error' : undefined}
                checked={understood()}
                onChange={(e) => setUnderstood(e.currentTarget.checked)}
              />
              <label for="closure-understand">
                {choice() === 'account'
                  ? t('closure.page.understandAccount')
                  : t('closure.page.understandDevice')}
              </label>
            </div>
            <FieldError id="closure-understand-error" text={understoodError()} alert />
          </div>
          <div class="form-actions">
            <button type="submit" class="button button--danger" disabled={busy()}>
              {busy()
                ? t('closure.page.working')
                : choice() === 'account'
                  ? t('closure.page.submitAccount')
                  : t('closure.page.submitDevice')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
