import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { NoProfile } from '../record/no-profile.tsx';
import { ExportSection } from './export-section.tsx';
import { ImportSection } from './import-section.tsx';
import './exchange.css';

/** `/exchange`: the active profile out as a FHIR IPS, and a FHIR Bundle in, previewed first. */
export function ExchangePage() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={t('exchange.title')} />}>
      {(profile) => (
        <div class="stack exchange-page">
          <h1>{t('exchange.title')}</h1>
          <p>{t('exchange.whose', { name: profile().profile.displayName })}</p>
          <ExportSection />
          <ImportSection />
        </div>
      )}
    </Show>
  );
}
