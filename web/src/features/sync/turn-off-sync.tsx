import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';

/**
 * "Turn off sync on this device", confirmed in place: the question and its two answers appear
 * below the button, Cancel takes the focus (a stray Enter changes nothing), Escape cancels and
 * focus goes back to the button. Local data stays; only this device's session ends.
 */
export function TurnOffSync(props: { onTurnedOff: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let opener: HTMLButtonElement | undefined;

  const ask = () => {
    setError(null);
    setAsking(true);
  };
  const cancel = () => {
    setAsking(false);
    opener?.focus();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await app.turnOffSync();
      setAsking(false);
      props.onTurnedOff();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack">
      <div class="form-actions">
        <button
          ref={opener}
          type="button"
          class="button button--secondary"
          aria-expanded={asking()}
          aria-controls="sync-turn-off-confirm"
          onClick={() => (asking() ? cancel() : ask())}
        >
          {t('sync.settings.turnOff')}
        </button>
      </div>
      <Show when={asking()}>
        <fieldset
          id="sync-turn-off-confirm"
          class="sync-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <legend class="sync-confirm__question">{t('sync.settings.confirmText')}</legend>
          <div class="form-actions">
            <button
              ref={(element) => queueMicrotask(() => element.focus())}
              type="button"
              class="button button--secondary"
              disabled={busy()}
              onClick={cancel}
            >
              {t('sync.settings.confirmNo')}
            </button>
            <button type="button" class="button button--danger" disabled={busy()} onClick={confirm}>
              {t('sync.settings.confirmYes')}
            </button>
          </div>
        </fieldset>
      </Show>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
