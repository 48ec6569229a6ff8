import { createSignal, Show } from 'solid-js';
import { parseEuroAmount } from '../../../../shared/billing/rate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { loadHourlyRate, saveHourlyRate } from './hourly-rate.ts';

/** Settings: the host's hourly rate, 30–90 €, default 60 €, kept on this device. */
export function HourlyRateSetting() {
  const { t, formatNumber } = useI18n();
  const euros = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
  const [value, setValue] = createSignal(String(loadHourlyRate() / 100));
  const [error, setError] = createSignal(false);
  const [saved, setSaved] = createSignal<number | null>(null);

  const { submit } = createSubmit({
    clear: () => setSaved(null),
    run: () => {
      const cents = parseEuroAmount(value());
      if (cents === undefined) throw new RangeError('not a price');
      saveHourlyRate(cents);
      setError(false);
      setSaved(cents);
    },
    // The field's alert says it; focus stays where it is.
    fail: () => setError(true),
  });

  return (
    <section class="card stack" aria-labelledby="settings-call-rate">
      <h2 id="settings-call-rate">{t('call.rate.title')}</h2>
      <form class="stack" onSubmit={submit} novalidate>
        <div class="field">
          <label for="call-rate">{t('call.rate.label')}</label>
          <input
            id="call-rate"
            inputmode="decimal"
            value={value()}
            onInput={(e) => setValue(e.currentTarget.value)}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={error() ? 'call-rate-error call-rate-hint' : 'call-rate-hint'}
          />
          <p class="field__hint" id="call-rate-hint">
            {t('call.rate.hint')}
          </p>
          <Show when={error()}>
            <p class="field__error" id="call-rate-error" role="alert">
              {t('call.rate.invalid')}
            </p>
          </Show>
        </div>
        <button type="submit" class="button button--secondary">
          {t('call.rate.save')}
        </button>
        <p role="status">{saved() === null ? '' : t('call.rate.saved', { amount: euros(saved() ?? 0) })}</p>
      </form>
    </section>
  );
}
