/** The report as the requester and the doctor see it: verified or refused, its text, PDF and timing. */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedOpinion } from '../../opinions/opinion-views.ts';
import { downloadOpinionFile } from './opinion-download.ts';

export function ReportCard(props: {
  opinion: OpenedOpinion;
  report: NonNullable<OpenedOpinion['report']>;
  /** The report was imported into the record on this device. */
  imported: boolean;
}) {
  const { t, formatDate } = useI18n();
  const date = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });
  const o = () => props.opinion;
  const r = () => props.report;
  return (
    <section class="card stack" aria-labelledby="opinion-report-title">
      <h2 id="opinion-report-title">{t('secondOpinion.detail.reportTitle')}</h2>
      <Show
        when={r().verified}
        fallback={<p class="message message--error">{t('secondOpinion.detail.reportInvalid')}</p>}
      >
        <p class="message" role="status">
          {t('secondOpinion.detail.reportVerified', { name: r().author })}
        </p>
        <h3>{r().title}</h3>
        <p class="opinion-report-body">{r().body}</p>
        <Show when={o().server.reportedAt}>
          {(at) => (
            <p>
              {o().dueMet
                ? t('secondOpinion.detail.dueMet', { date: date(at()) })
                : t('secondOpinion.detail.dueMissed', { date: date(at()) })}
            </p>
          )}
        </Show>
        <Show when={r().pdf}>
          {(pdf) => (
            <button type="button" class="button button--secondary" onClick={() => downloadOpinionFile(pdf())}>
              {t('secondOpinion.detail.download', { name: pdf().name })}
            </button>
          )}
        </Show>
        <Show when={props.imported && o().request}>
          <p>{t('secondOpinion.detail.reportImported', { name: o().request?.patient.name ?? '' })}</p>
        </Show>
      </Show>
    </section>
  );
}
