import { useI18n } from '../../i18n/i18n-context.tsx';
import { ADVERSE_REACTION_URL } from './legal-documents.ts';
import './legal.css';

/** Near medications: where to report an adverse drug reaction (the authorities' portal). */
export function AdverseReactionLink() {
  const { t } = useI18n();
  return (
    <p class="legal-notice">
      {t('legal.adverseReaction.text')}{' '}
      <a href={ADVERSE_REACTION_URL} target="_blank" rel="noopener noreferrer">
        {t('legal.adverseReaction.link')}
      </a>
    </p>
  );
}
