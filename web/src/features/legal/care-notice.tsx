import { useI18n } from '../../i18n/i18n-context.tsx';
import './legal.css';

/**
 * "This is not a diagnosis; it does not replace a consultation", where a practitioner's words or a
 * teleconsultation appear (shared view, consult, entries, second opinion).
 */
export function CareNotice() {
  const { t } = useI18n();
  return <p class="legal-notice">{t('legal.care.text')}</p>;
}
