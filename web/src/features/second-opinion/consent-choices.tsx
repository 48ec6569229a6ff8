/** The request's consents: separate, unticked, each with its text and version; the GP's name if shared with them. */
import { For, Show } from 'solid-js';
import {
  CONSENT_KINDS,
  type ConsentKind,
  consentText,
  currentConsentVersion,
} from '../../../../shared/second-opinion/consents.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function ConsentChoices(props: {
  consents: Record<ConsentKind, boolean>;
  onConsents: (next: Record<ConsentKind, boolean>) => void;
  gp: string;
  onGp: (name: string) => void;
}) {
  const { t, locale } = useI18n();
  const lang = () => (locale() === 'fr' ? 'fr' : 'en');
  return (
    <fieldset class="stack card">
      <legend>{t('secondOpinion.form.consentsTitle')}</legend>
      <For each={CONSENT_KINDS}>
        {(kind) => (
          <div class="opinion-check">
            <input
              id={`consent-${kind}`}
              type="checkbox"
              checked={props.consents[kind]}
              onChange={(e) => props.onConsents({ ...props.consents, [kind]: e.currentTarget.checked })}
            />
            <label for={`consent-${kind}`}>
              {consentText(kind, currentConsentVersion(kind), lang())}{' '}
              <small>
                ({t('secondOpinion.form.consentVersion', { version: String(currentConsentVersion(kind)) })})
              </small>
            </label>
          </div>
        )}
      </For>
      <Show when={props.consents['gp-exchange']}>
        <div class="field">
          <label for="opinion-gp">{t('secondOpinion.form.gpName')}</label>
          <input
            id="opinion-gp"
            type="text"
            value={props.gp}
            onInput={(e) => props.onGp(e.currentTarget.value)}
          />
        </div>
      </Show>
    </fieldset>
  );
}
