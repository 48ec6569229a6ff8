import { A } from '@solidjs/router';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The Settings section that leads to the FHIR export and import screen. */
export function ExchangeSettings() {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="settings-exchange">
      <h2 id="settings-exchange">{t('exchange.settingsTitle')}</h2>
      <p>{t('exchange.settingsIntro')}</p>
      <p>
        <A href="/exchange">{t('exchange.settingsLink')}</A>
      </p>
    </section>
  );
}
