import { A, useSearchParams } from '@solidjs/router';
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
import { RecoveryKeyCheck } from './recovery-key-check.tsx';
import './vault.css';

/**
 * `/recovery-key`: the unconfirmed recovery key shown and checked (from the banner), or, with
 * `?new` or when no unconfirmed key is kept, a new one made (the passphrase is asked again: an
 * unlocked device left unattended must not be enough to replace it), then shown and checked.
 */
export function RecoveryKeyPage() {
  const app = useApp();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [making, setMaking] = createSignal(params.new !== undefined || app.recoveryPrompt() === null);
  const [done, setDone] = createSignal(false);
  let status: HTMLParagraphElement | undefined;

  const madeAt = () => new Date(app.recovery()?.madeAt ?? Date.now());

  async function confirmed() {
    await app.confirmRecoveryKey();
    setDone(true);
    status?.focus();
  }

  return (
    <div class="stack vault-page">
      <h1>{t('vault.newKey.settingsTitle')}</h1>
      <Switch>
        <Match when={done()}>
          <div class="card stack">
            <p class="message" role="status" tabIndex={-1} ref={status}>
              {t('vault.recoveryCheck.done')}
            </p>
            <p>
              <A href="/">{t('vault.create.home')}</A>
            </p>
          </div>
        </Match>
        <Match when={making()}>
          <NewRecoveryKeyForm onMade={() => setMaking(false)} />
        </Match>
        <Match when={app.recoveryPrompt()}>
          {(key) => (
            <RecoveryKeyCheck
              recoveryKey={key()}
              madeAt={madeAt()}
              title={t('vault.recoveryKey.title')}
              onConfirmed={confirmed}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function NewRecoveryKeyForm(props: { onMade: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [passphrase, setPassphrase] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  const { busy, submit } = createSubmit({
    clear: () => {
      setError(null);
      setFormError(null);
    },
    validate: () => {
      if (passphrase() !== '') return true;
      setError(t('vault.change.currentEmpty'));
      return false;
    },
    run: async () => {
      await app.newRecoveryKey(passphrase());
      setPassphrase('');
      props.onMade();
    },
    fail: (caught, { focusInvalid }) => {
      const failure = toAppError(caught);
      if (failure.reason === 'wrong-passphrase') {
        setError(errorText(t, failure));
        focusInvalid();
      } else {
        setFormError(errorText(t, failure));
      }
    },
    focusInvalid: () => input?.focus(),
  });

  return (
    <form class="card stack" aria-labelledby="new-key-title" onSubmit={submit} novalidate>
      <h2 id="new-key-title">{t('vault.newKey.title')}</h2>
      <p>{t('vault.newKey.intro')}</p>
      <FormError text={formError()} />
      <fieldset class="vault-fieldset stack" disabled={busy()}>
        <div class="field">
          <PassphraseInput
            ref={(element) => {
              input = element;
            }}
            id="new-key-passphrase"
            label={t('vault.passphrase.currentLabel')}
            value={passphrase()}
            onInput={setPassphrase}
            autocomplete="current-password"
            invalid={error() !== null}
            describedBy={error() ? 'new-key-error' : undefined}
          />
          <FieldError id="new-key-error" text={error()} alert />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('vault.newKey.submit')}
          </button>
        </div>
      </fieldset>
      <KdfProgressBar active={busy()} />
    </form>
  );
}
