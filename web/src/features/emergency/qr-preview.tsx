/** Both QR codes of the draft, with the budget, what was trimmed, and what does not fit at all. */
import { For, Show } from 'solid-js';
import type { FitResult } from '../../../../shared/emergency/budget.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { FittedCodes } from './fitted-codes.ts';
import { QrCode } from './qr-code.tsx';

function BudgetNote(props: { fit: FitResult; which: string; id: string }) {
  const { t } = useI18n();
  return (
    <div class="stack">
      <p class="field__hint">{t('emergency.qr.budget', { bytes: props.fit.bytes })}</p>
      <Show when={props.fit.trimmed.length > 0}>
        <p class="message" role="status" data-testid={`${props.id}-trimmed`}>
          {t('emergency.qr.trimmed', {
            which: props.which,
            items: props.fit.trimmed.map((item) => item.text).join(' · '),
          })}
        </p>
      </Show>
      <Show when={!props.fit.fits}>
        <p class="message message--error" role="alert">
          {t('emergency.qr.tooLong', { which: props.which })}
        </p>
      </Show>
    </div>
  );
}

export function QrPreview(props: { codes: FittedCodes }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="emergency-qr-title">
      <h2 id="emergency-qr-title">{t('emergency.qr.title')}</h2>
      <div class="emergency-qrs">
        <For each={['link', 'plain'] as const}>
          {(kind) => (
            <figure class="emergency-qr stack">
              <figcaption>
                {t(kind === 'link' ? 'emergency.qr.linkTitle' : 'emergency.qr.textTitle')}
              </figcaption>
              <QrCode
                text={props.codes[kind].text}
                label={t(kind === 'link' ? 'emergency.qr.linkAlt' : 'emergency.qr.textAlt')}
                testId={`emergency-${kind}-qr`}
              />
              <BudgetNote
                fit={props.codes[kind]}
                which={t(kind === 'link' ? 'emergency.qr.link' : 'emergency.qr.text')}
                id={`emergency-${kind}`}
              />
            </figure>
          )}
        </For>
      </div>
      <p>
        <a href={props.codes.link.text} target="_blank" rel="noopener noreferrer">
          {t('emergency.qr.openLink')}
        </a>
      </p>
    </section>
  );
}
