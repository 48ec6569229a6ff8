import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { TERMS_VERSION } from '../../vault/terms-acceptance.ts';
import { LegalLinks } from './legal-links.tsx';
import './legal.css';

export interface TermsChoice {
  readonly terms: boolean;
  readonly adult: boolean;
}

export interface TermsFieldsProps {
  /** Prefix of the element ids, unique on the page. */
  idPrefix: string;
  value: TermsChoice;
  onChange: (next: TermsChoice) => void;
  /** Show why each unticked box blocks the form (after a submit). */
  showErrors: boolean;
}

/** Both boxes ticked, as the form requires. */
export function termsComplete(choice: TermsChoice): boolean {
  return choice.terms && choice.adult;
}

/**
 * The acceptance of the terms (with their version) and the 18+ declaration: two separate, unticked
 * boxes, each with its own error, and links to the texts, opened in a new tab so nothing typed is lost.
 */
export function TermsFields(props: TermsFieldsProps) {
  const { t } = useI18n();
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const termsError = () => props.showErrors && !props.value.terms;
  const adultError = () => props.showErrors && !props.value.adult;
  return (
    <fieldset class="legal-consent stack">
      <legend>{t('legal.consent.legend')}</legend>
      <div class="legal-consent__read">
        <span id={id('read')}>{t('legal.consent.read')}</span>
        <LegalLinks newTab />
      </div>
      <div class="legal-checkbox">
        <input
          id={id('terms')}
          type="checkbox"
          checked={props.value.terms}
          onChange={(event) => props.onChange({ ...props.value, terms: event.currentTarget.checked })}
          aria-invalid={termsError() ? 'true' : undefined}
          aria-describedby={termsError() ? id('terms-error') : undefined}
        />
        <label for={id('terms')}>{t('legal.consent.terms', { version: TERMS_VERSION })}</label>
      </div>
      <Show when={termsError()}>
        <p class="field__error" id={id('terms-error')}>
          {t('legal.consent.termsError')}
        </p>
      </Show>
      <div class="legal-checkbox">
        <input
          id={id('adult')}
          type="checkbox"
          checked={props.value.adult}
          onChange={(event) => props.onChange({ ...props.value, adult: event.currentTarget.checked })}
          aria-invalid={adultError() ? 'true' : undefined}
          aria-describedby={adultError() ? id('adult-error') : undefined}
        />
        <label for={id('adult')}>{t('legal.consent.adult')}</label>
      </div>
      <Show when={adultError()}>
        <p class="field__error" id={id('adult-error')}>
          {t('legal.consent.adultError')}
        </p>
      </Show>
    </fieldset>
  );
}
