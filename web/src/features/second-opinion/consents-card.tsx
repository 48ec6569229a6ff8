/** The requester's consent history, versions included, and the withdrawal that closes the request. */
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedOpinion } from '../../opinions/opinion-views.ts';

export function ConsentsCard(props: { opinion: OpenedOpinion; onWithdraw: () => void }) {
  const { t, formatDate } = useI18n();
  const date = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="card stack" aria-labelledby="opinion-consents-title">
      <h2 id="opinion-consents-title">{t('secondOpinion.detail.consentsTitle')}</h2>
      <ul class="stack opinion-consents">
        <For each={props.opinion.consents}>
          {(c) => (
            <li>
              {t(
                c.granted ? 'secondOpinion.detail.consentGranted' : 'secondOpinion.detail.consentWithdrawn',
                {
                  kind: t(`secondOpinion.consentKind.${c.kind}`),
                  date: date(c.at),
                  version: t('secondOpinion.form.consentVersion', { version: String(c.version) }),
                },
              )}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.opinion.stage !== 'closed'}>
        <p>{t('secondOpinion.detail.withdrawNote')}</p>
        <button type="button" class="button button--danger" onClick={() => props.onWithdraw()}>
          {t('secondOpinion.detail.withdraw')}
        </button>
      </Show>
    </section>
  );
}
