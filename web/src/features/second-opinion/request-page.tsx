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
import type { FormDefinition, FormLocale } from '../../../../shared/second-opinion/form-definition.ts';
import { FIELD_FORMS, PRE_FORM } from '../../../../shared/second-opinion/forms/index.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedOpinion } from '../../opinions/opinion-views.ts';
import { bytesOf, fileOf } from '../../opinions/opinions.ts';
import { useApp } from '../../store/app-context.tsx';
import { opinionErrorText } from './opinion-error-text.ts';
import './second-opinion.css';

function download(file: OpinionFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file) as BlobPart], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Answers(props: { form: FormDefinition; answers: Record<string, unknown>; locale: FormLocale }) {
  return (
    <dl class="stack">
      <For each={props.form.questions.filter((q) => props.answers[q.id] !== undefined)}>
        {(q) => {
          const value = props.answers[q.id];
          const shown =
            q.type === 'choice'
              ? (q.options.find((o) => o.value === value)?.label[props.locale] ?? String(value))
              : typeof value === 'boolean'
                ? value
                  ? '✓'
                  : '✗'
                : String(value);
          return (
            <div>
              <dt>{q.label[props.locale]}</dt>
              <dd>{shown}</dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}

export function RequestPage() {
  const app = useApp();
  const params = useParams();
  const { t, formatDate, formatNumber, locale } = useI18n();
  const [opened, setOpened] = createSignal<OpenedOpinion | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [imported, setImported] = createSignal(false);
  const [question, setQuestion] = createSignal('');
  const [answerFile, setAnswerFile] = createSignal<File | null>(null);
  const [reportTitle, setReportTitle] = createSignal('');
  const [reportBody, setReportBody] = createSignal('');
  const [reportPdf, setReportPdf] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal(false);
  const lang = (): FormLocale => (locale() === 'fr' ? 'fr' : 'en');
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

  async function act(work: () => Promise<void>) {
    if (busy()) return;
    setBusy(true);
    try {
      await work();
      setError(null);
      await load();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const askMore = (event: SubmitEvent) => {
    event.preventDefault();
    if (!question().trim()) return;
    void act(async () => {
      await app.opinions()?.askMore(params.id ?? '', question().trim());
      setQuestion('');
    });
  };
  const attach = (event: SubmitEvent) => {
    event.preventDefault();
    const file = answerFile();
    if (!file) return;
    void act(async () => {
      await app.opinions()?.sendDocument(params.id ?? '', await fileOf(file));
      setAnswerFile(null);
    });
  };
  const sendReport = (event: SubmitEvent) => {
    event.preventDefault();
    if (!reportTitle().trim() || !reportBody().trim()) return;
    void act(async () => {
      const pdf = reportPdf();
      await app.opinions()?.sendReport(params.id ?? '', {
        title: reportTitle().trim(),
        body: reportBody().trim(),
        ...(pdf ? { pdf: await fileOf(pdf) } : {}),
      });
    });
  };
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
              {(r) => (
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
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => download(pdf())}
                        >
                          {t('secondOpinion.detail.download', { name: pdf().name })}
                        </button>
                      )}
                    </Show>
                    <Show when={imported() && o().request}>
                      <p>
                        {t('secondOpinion.detail.reportImported', { name: o().request?.patient.name ?? '' })}
                      </p>
                    </Show>
                  </Show>
                </section>
              )}
            </Show>

            <Show when={o().request}>
              {(req) => (
                <section class="card stack" aria-labelledby="opinion-request-title">
                  <h2 id="opinion-request-title">{t('secondOpinion.detail.requestTitle')}</h2>
                  <p>{t('secondOpinion.detail.patient', { name: req().patient.name })}</p>
                  <p>{t('secondOpinion.detail.roleLine', { role: t(`secondOpinion.role.${req().role}`) })}</p>
                  <Show when={req().proof}>
                    {(proof) => (
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => download(proof())}
                      >
                        {t('secondOpinion.detail.download', { name: proof().name })}
                      </button>
                    )}
                  </Show>
                  <h3>{PRE_FORM.title[lang()]}</h3>
                  <Answers form={PRE_FORM} answers={req().preForm.answers} locale={lang()} />
                  <h3>{FIELD_FORMS[req().field].title[lang()]}</h3>
                  <Answers
                    form={FIELD_FORMS[req().field]}
                    answers={req().fieldForm.answers}
                    locale={lang()}
                  />
                  <For each={req().documents}>
                    {(doc) => (
                      <button type="button" class="button button--secondary" onClick={() => download(doc)}>
                        {t('secondOpinion.detail.download', { name: doc.name })}
                      </button>
                    )}
                  </For>
                </section>
              )}
            </Show>

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
                                  onClick={() => download(file)}
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
              <form class="card stack" onSubmit={askMore} aria-labelledby="opinion-ask-title">
                <h2 id="opinion-ask-title">{t('secondOpinion.detail.askMoreTitle')}</h2>
                <div class="field">
                  <label for="opinion-ask">{t('secondOpinion.detail.askMoreLabel')}</label>
                  <textarea
                    id="opinion-ask"
                    rows={2}
                    value={question()}
                    onInput={(e) => setQuestion(e.currentTarget.value)}
                  />
                </div>
                <button type="submit" class="button">
                  {t('secondOpinion.detail.askMore')}
                </button>
              </form>
              <form class="card stack" onSubmit={sendReport} aria-labelledby="opinion-write-title">
                <h2 id="opinion-write-title">{t('secondOpinion.detail.reportTitle')}</h2>
                <div class="field">
                  <label for="opinion-report-title-input">{t('secondOpinion.detail.reportTitleLabel')}</label>
                  <input
                    id="opinion-report-title-input"
                    type="text"
                    value={reportTitle()}
                    onInput={(e) => setReportTitle(e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for="opinion-report-body">{t('secondOpinion.detail.reportBody')}</label>
                  <textarea
                    id="opinion-report-body"
                    rows={5}
                    value={reportBody()}
                    onInput={(e) => setReportBody(e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for="opinion-report-pdf">{t('secondOpinion.detail.reportPdf')}</label>
                  <input
                    id="opinion-report-pdf"
                    type="file"
                    accept="application/pdf"
                    onChange={(e) => setReportPdf(e.currentTarget.files?.[0] ?? null)}
                  />
                </div>
                <button type="submit" class="button">
                  {t('secondOpinion.detail.sendReport')}
                </button>
              </form>
            </Show>

            <Show when={o().role === 'requester'}>
              <section class="card stack" aria-labelledby="opinion-consents-title">
                <h2 id="opinion-consents-title">{t('secondOpinion.detail.consentsTitle')}</h2>
                <ul class="stack opinion-consents">
                  <For each={o().consents}>
                    {(c) => (
                      <li>
                        {t(
                          c.granted
                            ? 'secondOpinion.detail.consentGranted'
                            : 'secondOpinion.detail.consentWithdrawn',
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
                <Show when={o().stage !== 'closed'}>
                  <p>{t('secondOpinion.detail.withdrawNote')}</p>
                  <button type="button" class="button button--danger" onClick={withdraw}>
                    {t('secondOpinion.detail.withdraw')}
                  </button>
                </Show>
              </section>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
