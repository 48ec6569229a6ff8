import { createSignal, createUniqueId, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';

/**
 * An account change the server makes only with a fresh proof ("sign out everywhere else", delete
 * the account): the passphrase is asked for on the spot, because the session token this device
 * holds must not be enough. Opened from a button so it takes no room until wanted; Escape closes.
 */
export function PassphraseAction(props: {
  title: string;
  intro: string;
  submit: string;
  done: string;
  danger?: boolean;
  run: (passphrase: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [passphrase, setPassphrase] = createSignal('');
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal(false);
  let opener: HTMLButtonElement | undefined;
  const { busy, submit } = createSubmit({
    clear: () => {
      setError('');
      setDone(false);
    },
    validate: () => {
      if (passphrase() !== '') return true;
      setError(t('sync.settings.passphraseEmpty'));
      return false;
    },
    run: async () => {
      await props.run(passphrase());
      setPassphrase('');
      setOpen(false);
      setDone(true);
      opener?.focus();
    },
    fail: (caught) => setError(errorText(t, caught)),
  });

  return (
    <div class="stack sync-passphrase-action">
      <div class="form-actions">
        <button
          ref={opener}
          type="button"
          class="button button--secondary"
          aria-expanded={open()}
          aria-controls={`passphrase-action-${id}`}
          onClick={() => {
            setDone(false);
            setOpen(!open());
          }}
        >
          {props.title}
        </button>
      </div>
      <p role="status" class={done() ? 'message' : ''}>
        {done() ? props.done : ''}
      </p>
      <Show when={open()}>
        <form
          id={`passphrase-action-${id}`}
          class="stack sync-confirm"
          onSubmit={submit}
          novalidate
          aria-label={props.title}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            setOpen(false);
            opener?.focus();
          }}
        >
          <p>{props.intro}</p>
          <FormError text={error()} />
          <div class="field">
            <label for={`passphrase-action-input-${id}`}>{t('sync.settings.confirmPassphraseLabel')}</label>
            <input
              ref={(element) => queueMicrotask(() => element.focus())}
              id={`passphrase-action-input-${id}`}
              type="password"
              autocomplete="current-password"
              aria-describedby={`passphrase-action-hint-${id}`}
              value={passphrase()}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
            <p class="field__hint" id={`passphrase-action-hint-${id}`}>
              {t('sync.settings.confirmPassphraseHint')}
            </p>
          </div>
          <div class="form-actions">
            <button type="submit" class={props.danger ? 'button button--danger' : 'button'} disabled={busy()}>
              {busy() ? t('sync.settings.proofWorking') : props.submit}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
