import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import './vault.css';

/** Minutes offered; 0 means never. */
const AUTO_LOCK_CHOICES: readonly number[] = [0, 1, 5, 15, 30, 60];

/** How long the unlocked vault may sit unused before it locks itself; saved at once. */
export function AutoLockSetting() {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const [saved, setSaved] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  // A value saved by an older version that is not offered any more still shows as selected.
  const choices = () => {
    const currentValue = app.autoLockMinutes();
    return AUTO_LOCK_CHOICES.includes(currentValue)
      ? AUTO_LOCK_CHOICES
      : [...AUTO_LOCK_CHOICES, currentValue].sort((a, b) => a - b);
  };

  const optionLabel = (minutes: number) => {
    if (minutes === 0) return t('vault.autoLock.never');
    if (minutes % 60 === 0)
      return formatNumber(minutes / 60, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
    return formatNumber(minutes, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  };

  async function change(value: string) {
    setSaved(false);
    setError(null);
    try {
      await app.setAutoLockMinutes(Number(value));
      setSaved(true);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }

  return (
    <div class="field auto-lock">
      <label for="auto-lock-minutes">{t('vault.autoLock.label')}</label>
      <select
        id="auto-lock-minutes"
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? 'auto-lock-error auto-lock-hint' : 'auto-lock-hint'}
        onChange={(event) => void change(event.currentTarget.value)}
      >
        <For each={choices()}>
          {(minutes) => (
            <option value={minutes} selected={minutes === app.autoLockMinutes()}>
              {optionLabel(minutes)}
            </option>
          )}
        </For>
      </select>
      <p class="field__hint" id="auto-lock-hint">
        {t('vault.autoLock.hint')}
      </p>
      <Show when={error()}>
        <p class="field__error" id="auto-lock-error" role="alert">
          {error()}
        </p>
      </Show>
      <p role="status" class="vault-status">
        {saved() ? t('vault.autoLock.saved') : ''}
      </p>
    </div>
  );
}
