/** The accepting doctor's two forms on a request: ask for more, and write and send the signed report. */
import { createSignal } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';

export interface ReportDraftWithPdf {
  readonly title: string;
  readonly body: string;
  readonly pdf: File | null;
}

export function DoctorForms(props: {
  /** Sends the question; resolves when sent (the form clears then). */
  onAsk: (text: string) => Promise<boolean>;
  onReport: (report: ReportDraftWithPdf) => void;
}) {
  const { t } = useI18n();
  const [question, setQuestion] = createSignal('');
  const [reportTitle, setReportTitle] = createSignal('');
  const [reportBody, setReportBody] = createSignal('');
  const [reportPdf, setReportPdf] = createSignal<File | null>(null);

  const askMore = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!question().trim()) return;
    if (await props.onAsk(question().trim())) setQuestion('');
  };
  const sendReport = (event: SubmitEvent) => {
    event.preventDefault();
    if (!reportTitle().trim() || !reportBody().trim()) return;
    props.onReport({ title: reportTitle().trim(), body: reportBody().trim(), pdf: reportPdf() });
  };

  return (
    <>
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
    </>
  );
}
