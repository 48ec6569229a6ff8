/**
 * `/second-opinion/:id`: one request, for its requester or its accepting doctor. The requester sees
 * its state, due date and stated price, the doctor's questions (answered by attaching a document),
 * the report once it arrives — verified, and imported read-only into the profile's record — and the
 * consent history, with a withdrawal that closes the request. The doctor sees the forms, the proof
 * of role and the documents, asks for more, and signs and sends the report with an optional PDF.
 */
import { useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { OpinionFile } from '../../../../shared/second-opinion/content.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedOpinion } from '../../opinions/opinion-views.ts';
import { fileOf } from '../../opinions/opinions.ts';
import { useApp } from '../../store/app-context.tsx';
import { ConsentsCard } from './consents-card.tsx';
import { DoctorForms, type ReportDraftWithPdf } from './doctor-forms.tsx';
import { downloadOpinionFile } from './opinion-download.ts';
import { opinionErrorText } from './opinion-error-text.ts';
import { ReportCard } from './report-card.tsx';
import { RequestDetails } from './request-details.tsx';
import './second-opinion.css';

export function RequestPage() {
  const app = useApp();
  const params = useParams();
  const { t, formatDate, formatNumber } = useI18n();
  const [opened, setOpened] = createSignal<OpenedOpinion | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [imported, setImported] = createSignal(false);
  const [answerFile, setAnswerFile] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal(false);
  const date = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });

  async function load(): Promise<void> {
    const service = app.opinions();
    if (!service || !app.server()) return;
    try {
      const view = await service.open(params.id ?? '');
      setOpened(view);
      setError(null);
      if (view.role === 'requester' && view.report?.verified && !imported()) {
        setImported(await service.importReport(view.id));
      }
    } catch (caught) {
      setError(caught);
    }
  }
  createEffect(
    on(
      () => [app.server(), app.opinions(), params.id],
      () => void load(),
    ),
  );

  /** Runs one action, then reloads; false when it failed (the error is shown). */
  async function act(work: () => Promise<void>): Promise<boolean> {
    if (busy()) return false;
    setBusy(true);
    try {
      await work();
      setError(null);
      await load();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const attach = (event: SubmitEvent) => {
    event.preventDefault();
    const file = answerFile();
    if (!file) return;
    void act(async () => {
      await app.opinions()?.sendDocument(params.id ?? '', await fileOf(file));
      setAnswerFile(null);
    });
  };
  const askMore = (text: string) => act(async () => app.opinions()?.askMore(params.id ?? '', text));
  const sendReport = (report: ReportDraftWithPdf) =>
    void act(async () => {
      await app.opinions()?.sendReport(params.id ?? '', {
        title: report.title,
        body: report.body,
        ...(report.pdf ? { pdf: await fileOf(report.pdf) } : {}),
      });
    });
  const withdraw = () => void act(async () => app.opinions()?.withdraw(params.id ?? '', 'health-data'));

  const fieldName = () => {
    const o = opened();
    const f = o?.request?.field ?? o?.summary?.field;
    return f ? t(`secondOpinion.field.${f}`) : '';
  };

  return (
    <section class="stack opinion-page" aria-labelledby="opinion-detail-title">
      <h1 id="opinion-detail-title">{t('secondOpinion.detail.title', { field: fieldName() })}</h1>
      <p>
        <button type="button" class="button button--secondary" onClick={() => void load()}>
          {t('secondOpinion.page.refresh')}
        </button>
      </p>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {opinionErrorText(t, error())}
        </p>
      </Show>
      <Show when={opened()}>
        {(o) => (
          <>
            <p>
              <span class="badge">
                {t('secondOpinion.detail.state', { stage: t(`secondOpinion.stage.${o().stage}`) })}
              </span>
            </p>
            <Show when={o().server.acceptedAt}>
              {(at) => <p>{t('secondOpinion.detail.doctorLine', { date: date(at()) })}</p>}
            </Show>
            <Show when={o().server.dueAt}>
              {(due) => <p>{t('secondOpinion.page.due', { date: date(due()) })}</p>}
            </Show>
            <Show when={o().server.priceCents !== null}>
              <p>
                {t('secondOpinion.page.price', {
                  price: formatNumber((o().server.priceCents ?? 0) / 100, {
                    style: 'currency',
                    currency: 'EUR',
                  }),
                })}
              </p>
            </Show>
            <Show when={o().stage === 'new' && o().role === 'requester'}>
              <p class="message">{t('secondOpinion.detail.waiting')}</p>
            </Show>
            <Show when={o().stage === 'closed'}>
              <p class="message">{t('secondOpinion.detail.closed')}</p>
            </Show>
            <Show when={o().items.some((i) => i.content === null)}>
              <p class="message message--error">{t('secondOpinion.detail.refusedItem')}</p>
            </Show>

            <Show when={o().report}>
              {(r) => <ReportCard opinion={o()} report={r()} imported={imported()} />}
            </Show>

            <Show when={o().request}>{(req) => <RequestDetails request={req()} />}</Show>

            <For each={o().items}>
              {(item) => (
                <Show when={item.content}>
                  {(c) => (
                    <>
                      <Show when={c().type === 'info-request' && c()}>
                        {(info) => (
                          <p class="card">
                            {t('secondOpinion.detail.infoRequest', {
                              text: info().type === 'info-request' ? (info() as { text: string }).text : '',
                            })}
                          </p>
                        )}
                      </Show>
                      <Show when={c().type === 'document' && c()}>
                        {(doc) => {
                          const file = (doc() as { file: OpinionFile }).file;
                          return (
                            <p class="card">
                              {t('secondOpinion.detail.documentSent', { name: file.name })}{' '}
                              <Show when={o().role === 'doctor'}>
                                <button
                                  type="button"
                                  class="button button--secondary"
                                  onClick={() => downloadOpinionFile(file)}
                                >
                                  {t('secondOpinion.detail.download', { name: file.name })}
                                </button>
                              </Show>
                            </p>
                          );
                        }}
                      </Show>
                    </>
                  )}
                </Show>
              )}
            </For>

            <Show when={o().role === 'requester' && o().stage === 'waiting-patient'}>
              <form class="card stack" onSubmit={attach} aria-labelledby="opinion-attach-title">
                <h2 id="opinion-attach-title">{t('secondOpinion.detail.attachTitle')}</h2>
                <div class="field">
                  <label for="opinion-attach">{t('secondOpinion.detail.attachLabel')}</label>
                  <input
                    id="opinion-attach"
                    type="file"
                    onChange={(e) => setAnswerFile(e.currentTarget.files?.[0] ?? null)}
                  />
                </div>
                <button type="submit" class="button">
                  {t('secondOpinion.detail.attach')}
                </button>
              </form>
            </Show>

            <Show
              when={o().role === 'doctor' && (o().stage === 'report-due' || o().stage === 'waiting-patient')}
            >
              <DoctorForms onAsk={askMore} onReport={sendReport} />
            </Show>

            <Show when={o().role === 'requester'}>
              <ConsentsCard opinion={o()} onWithdraw={withdraw} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
