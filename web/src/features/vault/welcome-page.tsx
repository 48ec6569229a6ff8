import { A } from '@solidjs/router';
import { useI18n } from '../../i18n/i18n-context.tsx';
import './vault.css';

/** `/` when this device has no vault yet: what Carnet is, and the way in. */
export function WelcomePage() {
  const { t } = useI18n();
  return (
    <div class="stack vault-page">
      <h1>{t('vault.welcome.title')}</h1>
      <section class="card">
        <p>{t('vault.welcome.intro')}</p>
        <ul class="promises">
          <li>{t('vault.welcome.points.offline')}</li>
          <li>{t('vault.welcome.points.encrypted')}</li>
          <li>{t('vault.welcome.points.sharing')}</li>
        </ul>
        <p>{t('vault.welcome.start')}</p>
        <p>
          <A href="/create" class="button">
            {t('vault.welcome.create')}
          </A>
        </p>
        <p>
          <A href="/sign-in">{t('sync.signIn.link')}</A>
        </p>
        <p>
          <A href="/restore">{t('backup.restoreLink')}</A>
        </p>
      </section>
    </div>
  );
}
