import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { CallSession } from './call-session.ts';
import { formatElapsed } from './format.ts';

/** After the call, on both sides: what was saved in the record (or the log). */
export function CallSummaryView(props: { session: CallSession; onDone: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const app = useApp();
  const profileName = app.activeProfile()?.profile.displayName ?? '';
  const summary = () => props.session.summary();
  const time = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });
  const euros = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
  return (
    <Show when={summary()}>
      {(c) => (
        <section class="stack call-summary" aria-labelledby="call-summary-title">
          <h1 id="call-summary-title">{t('call.summary.title')}</h1>
          <dl class="call-summary__facts">
            <dt>{t('call.summary.start')}</dt>
            <dd>{time(c().startedAt)}</dd>
            <dt>{t('call.summary.end')}</dt>
            <dd>{time(c().endedAt)}</dd>
            <dt>{t('call.summary.segments')}</dt>
            <dd>
              <ol class="call-summary__segments">
                <For each={c().segments}>
                  {(segment) => <li>{`${time(segment.start)} – ${time(segment.end)}`}</li>}
                </For>
              </ol>
            </dd>
            <dt>{t('call.summary.duration')}</dt>
            <dd class="call-summary__duration">{formatElapsed(c().durationSeconds * 1000)}</dd>
            <dt>{t('call.summary.billable')}</dt>
            <dd class="call-summary__billable">
              {c().billable ? t('call.summary.yes') : t('call.summary.no')}
            </dd>
            <dt>{t('call.summary.amount')}</dt>
            <dd class="call-summary__amount">{euros(c().amountCents)}</dd>
            <dt>{t('call.summary.rate')}</dt>
            <dd>{euros(c().hourlyRateCents)}</dd>
            <Show when={c().note}>
              {(note) => (
                <>
                  <dt>{t('call.summary.note')}</dt>
                  <dd class="call-summary__note">{note()}</dd>
                </>
              )}
            </Show>
          </dl>
          <Show
            when={props.session.saveError()}
            fallback={
              <p role="status">
                {profileName ? t('call.summary.saved', { profile: profileName }) : t('call.summary.notKept')}
              </p>
            }
          >
            <p role="alert">
              {t('call.summary.saveFailed', { error: errorText(t, props.session.saveError()) })}
            </p>
          </Show>
          <button type="button" class="button" onClick={() => props.onDone()}>
            {t('call.summary.back')}
          </button>
        </section>
      )}
    </Show>
  );
}
