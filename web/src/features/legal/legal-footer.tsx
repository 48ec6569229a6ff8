import { useI18n } from '../../i18n/i18n-context.tsx';
import { LegalLinks } from './legal-links.tsx';
import './legal.css';

/** On every screen, signed in or not: the emergency notice and the legal documents. */
export function LegalFooter() {
  const { t } = useI18n();
  return (
    <footer class="legal-footer">
      <p class="legal-footer__emergency">{t('legal.emergency.text')}</p>
      <nav aria-label={t('legal.footer.label')}>
        <LegalLinks />
      </nav>
    </footer>
  );
}
