import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { type AppError, toAppError } from '../../core/app-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { KdfProgressBar } from '../../ui/kdf-progress-bar.tsx';
import { NewPassphraseFields } from './new-passphrase-fields.tsx';
import { createNewPassphrase } from './new-passphrase-state.ts';
import { groupOfPosition } from './recovery-groups.ts';
import './vault.css';

/** `/recover`: the recovery key opens the vault and a new passphrase replaces the forgotten one. */
export function RecoverPage() {
  const app = useApp();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [recoveryKey, setRecoveryKey] = createSignal('');
  const fresh = createNewPassphrase(locale);
  const [keyError, setKeyError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);

  /** The checksum sentence, plus what exactly is wrong when the parser knows. */
  function recoveryKeyText(error: AppError): string {
    const detail = (() => {
      const { problem, position, length } = error.meta;
      if (problem === 'character' && typeof position === 'number') {
        return t('vault.recover.badCharacter', { position, group: groupOfPosition(position) });
      }
      if (problem === 'length') return t('vault.recover.badLength', { length: length ?? 0 });
      if (problem === 'checksum') return t('vault.recover.badChecksum');
      return t('vault.recover.otherVault');
    })();
    return `${errorText(t, error)} ${detail}`;
  }

  const { busy, submit } = createSubmit({
    blocked: fresh.checking,
    clear: () => {
      setFormError(null);
      setKeyError(null);
    },
    validate: async () => {
      const acceptable = await fresh.check();
      if (recoveryKey().trim() === '') setKeyError(t('vault.recover.empty'));
      return keyError() === null && acceptable;
    },
    run: async () => {
      await app.recover(recoveryKey(), fresh.passphrase());
      navigate('/', { replace: true });
    },
    fail: (caught, { focusInvalid }) => {
      const error = toAppError(caught);
      if (error.reason === 'bad-recovery-key') {
        setKeyError(recoveryKeyText(error));
        focusInvalid();
      } else {
        setFormError(errorText(t, error));
      }
    },
    keepBusy: true,
  });

  return (
    <div class="stack vault-page">
      <h1>{t('vault.recover.title')}</h1>
      <Switch>
        <Match when={app.status() === 'loading'}>
          <p role="status">{t('app.loading')}</p>
        </Match>
        <Match when={app.status() === 'no-vault'}>
          <div class="card">
            <p>{t('vault.recover.noVault')}</p>
            <p>
              <A href="/">{t('vault.create.home')}</A>
            </p>
          </div>
        </Match>
        <Match when={true}>
          <form class="card" onSubmit={submit} novalidate>
            <p>{t('vault.recover.intro')}</p>
            <FormError text={formError()} />
            <fieldset class="vault-fieldset stack" disabled={busy()}>
              <div class="field">
                <label for="recover-key">{t('vault.recover.keyLabel')}</label>
                <textarea
                  id="recover-key"
                  class="recover-key-input"
                  rows="3"
                  autocomplete="off"
                  autocapitalize="characters"
                  spellcheck={false}
                  translate="no"
                  value={recoveryKey()}
                  onInput={(event) => setRecoveryKey(event.currentTarget.value)}
                  aria-invalid={keyError() ? 'true' : undefined}
                  aria-describedby={keyError() ? 'recover-key-error recover-key-hint' : 'recover-key-hint'}
                />
                <FieldError id="recover-key-error" text={keyError()} alert />
                <p class="field__hint" id="recover-key-hint">
                  {t('vault.recover.keyHint')}
                </p>
              </div>
              <NewPassphraseFields
                idPrefix="recover"
                label={t('vault.passphrase.newLabel')}
                passphrase={fresh.passphrase()}
                onPassphrase={fresh.setPassphrase}
                confirmation={fresh.confirmation()}
                onConfirmation={fresh.setConfirmation}
                errors={fresh.errors()}
              />
              <div class="form-actions">
                <button type="submit" class="button">
                  {t('vault.recover.submit')}
                </button>
              </div>
            </fieldset>
            <KdfProgressBar active={busy()} />
            <Show when={app.status() === 'locked'}>
              <p>
                <A href="/">{t('vault.recover.back')}</A>
              </p>
            </Show>
          </form>
        </Match>
      </Switch>
    </div>
  );
}
